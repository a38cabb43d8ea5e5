#!/usr/bin/env python3
"""Checks one logged webhook with the reference verifier, then tampers with it.

    verify_tampered.py SECRET LOG_LINE_JSON
Prints `verified` and `tamper-detected` on success; exits 1 otherwise.
"""
import base64
import json
import sys

from standardwebhooks import Webhook, WebhookVerificationError

secret, line = sys.argv[1], json.loads(sys.argv[2])
body = base64.b64decode(line["raw_body"])
headers = line["headers"]
Webhook(secret).verify(body, headers)
print("verified")
for tampered_body, tampered_headers in [
    (body.replace(b"handoff", b"handoff_"), headers),
    (body, {**headers, "webhook-id": headers["webhook-id"] + "x"}),
    (body, {**headers, "webhook-timestamp": str(int(headers["webhook-timestamp"]) + 1)}),
]:
    try:
        Webhook(secret).verify(tampered_body, tampered_headers)
        print("tampered message verified!")
        sys.exit(1)
    except WebhookVerificationError:
        pass
print("tamper-detected")
