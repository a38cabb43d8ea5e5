#!/usr/bin/env python3
"""A webhook receiver for Baton's end-to-end tests.

Verifies every message with the reference Standard Webhooks library
(`standardwebhooks` from PyPI) and appends every attempt it sees to a JSON Lines
log, with the status it answered: a test can tell the attempts it failed, hung
on or rejected from the ones it accepted, and a new attempt from an old one.
Chaos knobs make it fail with 500 or hang, deterministically capped per message so
every message eventually succeeds.

    webhook_receiver.py --port 0 --secrets FILE --log FILE [--fail-rate 0.5] [--hang-rate 0.1]
                        [--hang-seconds 2] [--max-failures 3] [--status 200] [--seed 1]

FILE for --secrets holds one `whsec_...` per line and is re-read on every request,
so a test can rotate secrets while the receiver runs. Prints `listening on PORT`.

Each log line is one attempt, written before the answer goes out:
    {"id": webhook-id, "attempt": n (1-based, per id, for this process), "status": answered,
     "at": unix time, "pid": this process}
plus `"hung": true` when the answer was held back past the sender's patience,
`"rejected": true` when no secret verified the signature, and, for a verified
message, `"type"`, `"data"`, `"raw_body"` (base64) and the `webhook-*` `"headers"`.
"""
import argparse
import base64
import json
import os
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

    def record(entry):
        with lock:
            log.write(json.dumps(entry) + "\n")

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
            entry = {"id": msg_id, "attempt": n + 1, "at": time.time(), "pid": os.getpid()}
            if n < args.max_failures:
                if roll < args.hang_rate:
                    record({**entry, "status": 200, "hung": True})
                    time.sleep(args.hang_seconds)
                    return self.answer(200)  # too late: Baton gave up on this attempt
                if roll < args.hang_rate + args.fail_rate:
                    record({**entry, "status": 500})
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
                record({**entry, "status": 401, "rejected": True})
                return self.answer(401)
            record({
                **entry,
                "status": args.status,
                "type": payload.get("type"),
                "data": payload.get("data"),
                "raw_body": base64.b64encode(body).decode(),
                "headers": {k.lower(): v for k, v in headers.items() if k.lower().startswith("webhook-")},
            })
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
