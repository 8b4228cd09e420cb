"""A Keydesk webhook receiver in Python 3 (standard library only): it checks the Standard Webhooks
signature with the endpoint's whsec_ secret before trusting anything in the body.

Run: KEYDESK_WEBHOOK_SECRET=whsec_... python3 docs/examples/webhook_receiver.py  (listens on :8787)
With the `standardwebhooks` package instead: Webhook(secret).verify(raw_body, headers).
"""
import base64
import hashlib
import hmac
import json
import os
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

TOLERANCE_SECONDS = 5 * 60


def verify_webhook(secrets, headers, raw_body: bytes, now=None):
    """Returns the parsed event if the headers sign this exact raw body (raises ValueError otherwise).

    `secrets`: one whsec_ secret, or a list (the old and the new one during a rotation).
    """
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not msg_id or not timestamp or not signatures:
        raise ValueError("missing webhook headers")
    # A replayed request carries an old timestamp: refuse anything outside five minutes.
    if abs((now or time.time()) - int(timestamp)) > TOLERANCE_SECONDS:
        raise ValueError("timestamp too old or new")
    if isinstance(secrets, str):
        secrets = [secrets]
    signed = f"{msg_id}.{timestamp}.".encode() + raw_body
    expected = [
        hmac.new(base64.b64decode(s.removeprefix("whsec_")), signed, hashlib.sha256).digest()
        for s in secrets
    ]
    for entry in signatures.split(" "):
        version, _, value = entry.partition(",")
        if version != "v1":
            continue
        given = base64.b64decode(value)
        # compare_digest: == would tell an attacker how many bytes were right.
        if any(hmac.compare_digest(mac, given) for mac in expected):
            return json.loads(raw_body)
    raise ValueError("bad signature")


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("content-length", 0)))
        try:
            # Verify the raw bytes as received: re-serialising parsed JSON would change them.
            event = verify_webhook(os.environ["KEYDESK_WEBHOOK_SECRET"], self.headers, raw)
        except ValueError:
            self.send_response(400)
            self.end_headers()
            return
        # Deliveries are at least once: skip an event id you have already handled.
        print(event["type"], event["data"].get("key", {}).get("id", ""))
        self.send_response(204)
        self.end_headers()


if __name__ == "__main__":
    HTTPServer(("", 8787), Receiver).serve_forever()
