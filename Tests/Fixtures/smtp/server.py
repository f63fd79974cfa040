#!/usr/bin/python3
"""SMTP test server for bearmon's email contact tests, on aiosmtpd (Debian's
python3-aiosmtpd). Loopback only.

Prints "PORT <n>" once it listens, then serves until its stdin closes (the test process went
away; --no-stdin-watch for a caller that stops it by PID), it is killed, or --lifetime
seconds pass, whichever comes first.

  --cert/--key      offer STARTTLS with this certificate (or, with --implicit-tls, speak TLS
                    from the first byte, as on port 465)
  --user/--password accept AUTH PLAIN and LOGIN with exactly these; AUTH is only offered
                    over TLS unless --auth-in-clear is given
  --messages FILE   append one JSON line per accepted message: the envelope, the client's
                    EHLO name, whether the session was TLS, the login used, the raw message, its headers (decoded)
                    and its body (decoded from its transfer encoding)

Recipients choose how RCPT is answered: "reject@..." gets 550, "busy@..." gets 451.
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import ssl
import sys
import threading

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Handler:
    def __init__(self, messages):
        self.messages = messages
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local == "reject":
            return "550 5.1.1 <%s>: no such user here" % address
        if local == "busy":
            return "451 4.3.0 mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        tls = session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None
        login = None
        if isinstance(session.auth_data, LoginPassword):
            login = session.auth_data.login.decode("utf-8", "replace")
        record = {
            "helo": session.host_name,
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": tls,
            "login": login,
            "raw": raw.decode("utf-8", "replace"),
            "headers": {key: str(value) for key, value in message.items()},
            "content_type": message.get_content_type(),
            "charset": message.get_content_charset(),
            "transfer_encoding": message.get("Content-Transfer-Encoding"),
            "body": message.get_content(),
        }
        with self.lock:
            with open(self.messages, "a", encoding="utf-8") as out:
                out.write(json.dumps(record) + "\n")
        return "250 2.0.0 OK queued"


def make_authenticator(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == user and auth_data.password.decode() == password)
        # handled=False: aiosmtpd then answers a failure with 535 itself.
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)
    return authenticate


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--implicit-tls", action="store_true")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--auth-in-clear", action="store_true")
    parser.add_argument("--messages", required=True)
    parser.add_argument("--lifetime", type=float, default=300)
    parser.add_argument("--no-stdin-watch", action="store_true")
    args = parser.parse_args()
    if args.host not in ("127.0.0.1", "::1", "localhost"):
        sys.exit("smtp/server.py: serves loopback only")

    context = None
    if args.cert:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.cert, args.key)

    handler = Handler(args.messages)
    authenticator = make_authenticator(args.user, args.password) if args.user else None

    def factory():
        return SMTP(
            handler,
            # A fixed name: the default asks DNS for this host's FQDN.
            hostname="bearmon-test.localhost",
            tls_context=None if args.implicit_tls else context,
            authenticator=authenticator,
            auth_required=authenticator is not None,
            # aiosmtpd only sees TLS that began with STARTTLS; with implicit TLS the whole
            # connection is TLS already.
            auth_require_tls=not (args.auth_in_clear or args.implicit_tls),
            timeout=30,
        )

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(
        factory, host=args.host, port=args.port, ssl=context if args.implicit_tls else None))
    print("PORT %d" % server.sockets[0].getsockname()[1], flush=True)

    def exit_when_stdin_closes():
        sys.stdin.buffer.read()
        os._exit(0)

    if not args.no_stdin_watch:
        threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    threading.Timer(args.lifetime, lambda: os._exit(0)).start()
    loop.run_forever()


if __name__ == "__main__":
    main()
