#!/usr/bin/env python3
"""A webhook receiver for Baton's end-to-end tests.

Verifies every message with the reference Standard Webhooks library
(`standardwebhooks` from PyPI) and appends what it accepted to a JSON Lines log.
Chaos knobs make it fail with 500 or hang, deterministically capped per message so
every message eventually succeeds.

    webhook_receiver.py --port 0 --secrets FILE --log FILE [--fail-rate 0.5] [--hang-rate 0.1]
                        [--hang-seconds 2] [--max-failures 3] [--seed 1]

FILE for --secrets holds one `whsec_...` per line and is re-read on every request,
so a test can rotate secrets while the receiver runs. Prints `listening on PORT`.
"""
import argparse
import base64
import json
import random
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks import Webhook, WebhookVerificationError


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--secrets", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--fail-rate", type=float, default=0.0)
    p.add_argument("--hang-rate", type=float, default=0.0)
    p.add_argument("--hang-seconds", type=float, default=2.0)
    p.add_argument("--max-failures", type=int, default=3)
    p.add_argument("--status", type=int, default=200, help="answer this status to verified messages")
    p.add_argument("--seed", type=int, default=1)
    args = p.parse_args()

    lock = threading.Lock()
    attempts = {}
    rng = random.Random(args.seed)
    log = open(args.log, "a", buffering=1)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def answer(self, status):
            self.send_response(status)
            self.send_header("content-length", "0")
            self.end_headers()

        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            headers = {k: v for k, v in self.headers.items()}
            msg_id = self.headers.get("webhook-id", "")
            with lock:
                n = attempts.get(msg_id, 0)
                attempts[msg_id] = n + 1
                roll = rng.random()
            if n < args.max_failures:
                if roll < args.hang_rate:
                    time.sleep(args.hang_seconds)
                    return self.answer(200)  # too late: Baton gave up on this attempt
                if roll < args.hang_rate + args.fail_rate:
                    return self.answer(500)
            with open(args.secrets) as f:
                secrets = [s.strip() for s in f if s.strip()]
            payload = None
            for s in secrets:
                try:
                    payload = Webhook(s).verify(body, headers)
                    break
                except WebhookVerificationError:
                    continue
            if payload is None:
                log.write(json.dumps({"rejected": True, "id": msg_id}) + "\n")
                return self.answer(401)
            record = {
                "id": msg_id,
                "type": payload.get("type"),
                "data": payload.get("data"),
                "received_at": time.time(),
                "raw_body": base64.b64encode(body).decode(),
                "headers": {k.lower(): v for k, v in headers.items() if k.lower().startswith("webhook-")},
            }
            with lock:
                log.write(json.dumps(record) + "\n")
            self.answer(args.status)

    class Server(ThreadingHTTPServer):
        # Baton hangs up on attempts that time out; the late answer has nowhere to go.
        def handle_error(self, request, client_address):
            pass

    server = Server(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    print(f"listening on {server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
