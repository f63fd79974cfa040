#!/usr/bin/python3
"""HTTP(S) test server for bearmon's http and ssl_expire tests. Loopback only.

Prints "PORT <n>" once it listens, then serves until its stdin closes (the test process
went away), it is killed, or --lifetime seconds pass, whichever comes first.

Behaviours, chosen by path:
  /ok               200 with a short body
  /status/CODE      that status code
  /slow/SECONDS     waits SECONDS (at most 60), then 200
  /auth             200 for basic auth alice:wonderland-s3cret, else 401
  /echo             200 echoing the method, Host, User-Agent, Connection and the body
  /redirect/N       302 to /redirect/N-1; /redirect/0 is 200
  /goto/CODE?to=URL CODE (a 3xx) with Location: URL (percent-decoded), after recording the
                    request with --record
  /big              200 with a 5 MiB body: EARLY-MARKER near the start, LATE-MARKER at 4 MiB
  /drip/SECONDS     200 headers at once, then one body byte per second for SECONDS (at most 60)
  /switch/NAME      200 while the file NAME in --state DIR is missing or says "up" (after 5 s if "slow"), else 503
  /record...        200 "recorded"; with --record FILE, the request is appended to FILE
  /fakeapi/KIND/... a bearmon API gone wrong, for `--api`: loop (a page whose next cursor is
                    always the same), fail (500 with a bearmon error), teapot (418 with one),
                    wrong (200 JSON that is no page), moved (302), huge (17 MiB of JSON)
  --host takes any address of 127.0.0.0/8 (egress tests deny one of them), or any address
  inside a test's own network namespace
  /2010-04-01/Accounts/SID/Messages.json and .../Calls.json
                    plays Twilio's REST API for account TWILIO_SID with TWILIO_TOKEN: checks the
                    path, the basic auth, the form's type and fields, and answers 201 with a new
                    sid, or Twilio's error JSON. To +15005550400 gets a 400 (error 21211), To
                    +15005550500 a 500 (error 20500). Each request is recorded with --record.

Recorded requests are JSON lines: path, method, headers (names lower-cased), body, form (the
body's fields when it is a form), reply_status, sid when one was made, and received (unix
seconds, float).

With --cert/--key it speaks TLS; each --sni NAME CERT KEY serves another certificate to
clients that ask for NAME. Handshakes run on the connection's own thread, so a client that
never handshakes holds up nobody else.
"""
import argparse
import base64
import http.server
import json
import os
import socket
import socketserver
import ssl
import sys
import threading
import time
import urllib.parse
import uuid

BIG_SIZE = 5 * 1024 * 1024
LATE_OFFSET = 4 * 1024 * 1024
CREDENTIALS = "alice:wonderland-s3cret"
STATE_DIR = None
TWILIO_SID = "ACbearmon0test"
TWILIO_TOKEN = "twilio-s3cret-token"
TWILIO_REQUIRED = {"Messages": ["To", "From", "Body"], "Calls": ["To", "From", "Twiml"]}
RECORD_LOCK = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "bearmon-test"

    def log_message(self, *args):
        pass

    def do_GET(self):
        self.route()

    def do_POST(self):
        self.route()

    def do_PUT(self):
        self.route()

    def do_HEAD(self):
        self.route()

    def route(self):
        if self.path.startswith("/2010-04-01/"):
            self.twilio()
            return
        parts = self.path.split("?")[0].strip("/").split("/")
        name, arg = parts[0], (parts[1] if len(parts) > 1 else "")
        handler = getattr(self, "path_" + name, None)
        if handler is None:
            self.reply(404, b"no such test path\n")
        else:
            handler(arg)

    def reply(self, status, body, headers=(), content_type="text/plain"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        self.close_connection = True

    def request_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def record(self, body, status, sid=None):
        if not self.server.record_path:
            return
        text = body.decode("utf-8", "replace")
        form = None
        if self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            form = dict(urllib.parse.parse_qsl(text, keep_blank_values=True))
        line = {
            "path": self.path, "method": self.command,
            "headers": {key.lower(): value for key, value in self.headers.items()},
            "body": text, "form": form, "reply_status": status, "sid": sid,
            "received": time.time(),
        }
        with RECORD_LOCK:
            with open(self.server.record_path, "a", encoding="utf-8") as out:
                out.write(json.dumps(line) + "\n")

    def reply_json(self, status, value):
        self.reply(status, json.dumps(value).encode(), content_type="application/json")

    def path_fakeapi(self, kind):
        if kind == "loop":
            self.reply_json(200, {"items": [], "next": "same"})
        elif kind == "fail":
            self.reply_json(500, {"error": "the database is on fire"})
        elif kind == "teapot":
            self.reply_json(418, {"error": "short and stout"})
        elif kind == "wrong":
            self.reply_json(200, {"items": [{"id": "one"}]})
        elif kind == "moved":
            self.reply(302, b"", headers=[("Location", "http://127.0.0.1:1/")])
        elif kind == "huge":
            self.reply(200, b'{"items": [' + b" " * (17 << 20) + b"]}", content_type="application/json")
        else:
            self.reply(404, b"no such fake API\n")

    def path_record(self, _):
        self.record(self.request_body(), 200)
        self.reply(200, b"recorded\n")

    def twilio(self):
        body = self.request_body()
        status, value, sid = self.twilio_answer(body)
        self.record(body, status, sid)
        self.reply_json(status, value)

    def twilio_answer(self, body):
        """Twilio's reply to a create request: (status, JSON value, sid or None)."""
        def error(status, code, message):
            return status, {"code": code, "message": message, "status": status,
                            "more_info": "https://www.twilio.com/docs/errors/%d" % code}, None

        parts = self.path.split("?")[0].split("/")
        # ["", "2010-04-01", "Accounts", SID, "Messages.json"]
        if len(parts) != 5 or parts[2] != "Accounts" or not parts[4].endswith(".json"):
            return error(404, 20404, "The requested resource %s was not found" % self.path)
        resource = parts[4][:-len(".json")]
        if parts[3] != TWILIO_SID or resource not in TWILIO_REQUIRED:
            return error(404, 20404, "The requested resource %s was not found" % self.path)
        expected = "Basic " + base64.b64encode(("%s:%s" % (TWILIO_SID, TWILIO_TOKEN)).encode()).decode()
        if self.headers.get("Authorization") != expected:
            return error(401, 20003, "Authenticate")
        if self.command != "POST":
            return error(405, 20004, "Method not allowed")
        if not self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            return error(400, 20001, "expected a form, got %s" % self.headers.get("Content-Type"))
        form = dict(urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        for field in TWILIO_REQUIRED[resource]:
            if not form.get(field):
                return error(400, 21604, "A '%s' parameter is required." % field)
        if form["To"] == "+15005550400":
            return error(400, 21211, "The 'To' number %s is not a valid phone number." % form["To"])
        if form["To"] == "+15005550500":
            return error(500, 20500, "An internal server error has occurred")
        sid = ("SM" if resource == "Messages" else "CA") + uuid.uuid4().hex
        return 201, {"sid": sid, "account_sid": TWILIO_SID, "to": form["To"], "from": form["From"], "status": "queued"}, sid

    def path_ok(self, _):
        self.reply(200, b"hello from bearmon-test\n")

    def path_switch(self, name):
        state = "up"
        if STATE_DIR and name and "/" not in name:
            try:
                with open(os.path.join(STATE_DIR, name)) as f:
                    state = f.read().strip() or "up"
            except FileNotFoundError:
                pass
        if state == "slow":
            # Up, but it takes 5 s to say so (a parent whose confirmation takes a while).
            time.sleep(5)
            state = "up"
        if state == "up":
            self.reply(200, ("%s is up\n" % name).encode())
        else:
            self.reply(503, ("%s is %s\n" % (name, state)).encode())

    def path_status(self, code):
        self.reply(int(code or 500), ("status %s\n" % code).encode())

    def path_slow(self, seconds):
        time.sleep(min(float(seconds or 10), 60))
        self.reply(200, b"finally\n")

    def path_auth(self, _):
        expected = "Basic " + base64.b64encode(CREDENTIALS.encode()).decode()
        if self.headers.get("Authorization") == expected:
            self.reply(200, b"welcome alice\n")
        else:
            self.reply(401, b"who are you?\n", [("WWW-Authenticate", 'Basic realm="test"')])

    def path_echo(self, _):
        body = self.request_body()
        lines = [
            "method=" + self.command,
            "host=" + str(self.headers.get("Host")),
            "user-agent=" + str(self.headers.get("User-Agent")),
            "connection=" + str(self.headers.get("Connection")),
            "body=" + body.decode("utf-8", "replace"),
        ]
        self.reply(200, ("\n".join(lines) + "\n").encode())

    def path_redirect(self, count):
        remaining = int(count or 0)
        if remaining <= 0:
            self.reply(200, b"end of the redirect chain\n")
        else:
            self.reply(302, b"moved\n", [("Location", "/redirect/%d" % (remaining - 1))])

    def path_goto(self, code):
        query = urllib.parse.parse_qs(self.path.partition("?")[2])
        self.record(self.request_body(), int(code or 302))
        self.reply(int(code or 302), b"moved\n", [("Location", query.get("to", ["/"])[0])])

    def path_big(self, _):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(BIG_SIZE))
        self.send_header("Connection", "close")
        self.end_headers()
        chunk = 64 * 1024
        sent = 0
        try:
            while sent < BIG_SIZE:
                block = bytearray(b"a" * chunk)
                if sent == 0:
                    block[100:112] = b"EARLY-MARKER"
                if sent == LATE_OFFSET:
                    block[0:11] = b"LATE-MARKER"
                self.wfile.write(block)
                sent += chunk
        except OSError:
            pass  # the client stopped reading at its cap
        self.close_connection = True

    def path_drip(self, seconds):
        count = int(min(float(seconds or 10), 60))
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(count))
        self.send_header("Connection", "close")
        self.end_headers()
        try:
            for _ in range(count):
                self.wfile.write(b".")
                self.wfile.flush()
                time.sleep(1)
        except OSError:
            pass  # the client gave up
        self.close_connection = True


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    tls = None
    record_path = None

    def finish_request(self, request, client_address):
        try:
            if self.tls is not None:
                request.settimeout(30)
                request = self.tls.wrap_socket(request, server_side=True)
                request.settimeout(None)
            self.RequestHandlerClass(request, client_address, self)
        except (OSError, ssl.SSLError):
            pass
        finally:
            request.close()

    def handle_error(self, request, client_address):
        pass


def tls_context(args):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(args.cert, args.key)
    by_name = {}
    for name, cert, key in args.sni or []:
        extra = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        extra.load_cert_chain(cert, key)
        by_name[name] = extra

    def choose(sslobj, name, _):
        if name in by_name:
            sslobj.context = by_name[name]

    context.sni_callback = choose
    return context


def in_private_network_namespace():
    """Whether this process runs in a named network namespace (`ip netns add`, as the tests
    make them), where every address is the test's own."""
    try:
        mine = os.stat("/proc/self/ns/net").st_ino
        return any(os.stat(os.path.join("/run/netns", name)).st_ino == mine for name in os.listdir("/run/netns"))
    except OSError:
        return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--sni", nargs=3, action="append", metavar=("NAME", "CERT", "KEY"))
    parser.add_argument("--lifetime", type=float, default=300)
    parser.add_argument("--state", help="directory of /switch/NAME state files")
    parser.add_argument("--record")
    args = parser.parse_args()
    global STATE_DIR
    STATE_DIR = args.state
    loopback = args.host in ("::1", "localhost") or args.host.startswith("127.")
    if not loopback and not in_private_network_namespace():
        sys.exit("server.py: serves loopback only, or any address inside a network namespace a test made")

    if ":" in args.host:
        Server.address_family = socket.AF_INET6
    server = Server((args.host, 0), Handler)
    server.record_path = args.record
    if args.cert:
        server.tls = tls_context(args)
    print("PORT %d" % server.server_address[1], flush=True)

    def exit_when_stdin_closes():
        sys.stdin.buffer.read()
        os._exit(0)

    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    threading.Timer(args.lifetime, lambda: os._exit(0)).start()
    server.serve_forever(poll_interval=0.2)


if __name__ == "__main__":
    main()
