#!/usr/bin/env python3
"""A stub bearmon peer for the wire tests: it answers every request (a viewserver's ping, say)
the way a compromised, broken or foreign node might.

    stub_peer.py PASSWORD MODE [--lifetime S]

MODE is one of:
  hostile   a correctly signed ping reply whose highest_view is 2^63-1
  unsigned  a ping reply with no signature headers (and a winning uptime)
  forged    a ping reply signed with the wrong password (and a winning uptime)
  version   a refusal from a node of wire version 3, naming both versions

Prints "PORT <n>" once it listens on 127.0.0.1, then serves until its stdin closes (the test
process went away), it is killed, or --lifetime seconds pass.
"""
import argparse
import hashlib
import hmac
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

WIRE = 2


def reply(mode, host):
    """The status, the JSON body and the wire version this stub answers with."""
    if mode == "version":
        message = ("wire version mismatch: node 'viewserver' speaks wire version %d, this node speaks wire version 3; "
                   "run the same bearmon release on every node" % WIRE)
        return 400, {"error": message}, 3
    # An uptime of ten years beats every real candidate: accepted, this reply would win the grant.
    body = {"node": "stub-" + mode, "address": host, "uptime_ms": 315_360_000_000, "highest_view": 0, "holding": None}
    if mode == "hostile":
        body["highest_view"] = 2**63 - 1
        body["holding"] = 2**63 - 1
    return 200, body, WIRE


def make_handler(password, mode):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            self.answer()

        def do_POST(self):
            self.answer()

        def answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            status, body, version = reply(mode, self.headers.get("Host", ""))
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            if mode != "unsigned":
                stamp = str(int(time.time() * 1000))
                nonce = self.headers.get("X-Bearmon-Nonce", "")
                key = "not-the-password" if mode == "forged" else password
                signed = ("bearmon-v%d-reply\n%d\n%s\n%s\nstub\n" % (version, status, nonce, stamp)).encode() + data
                self.send_header("X-Bearmon-Wire", str(version))
                self.send_header("X-Bearmon-Node", "stub")
                self.send_header("X-Bearmon-Timestamp", stamp)
                self.send_header("X-Bearmon-Signature", hmac.new(key.encode(), signed, hashlib.sha256).hexdigest())
            self.end_headers()
            self.wfile.write(data)

    return Handler


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("password")
    parser.add_argument("mode", choices=["hostile", "unsigned", "forged", "version"])
    parser.add_argument("--lifetime", type=float, default=300)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(args.password, args.mode))
    server.daemon_threads = True
    print("PORT %d" % server.server_address[1], flush=True)

    def exit_when_stdin_closes():
        sys.stdin.buffer.read()
        os._exit(0)

    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    threading.Timer(args.lifetime, lambda: os._exit(0)).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
