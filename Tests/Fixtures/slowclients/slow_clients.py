#!/usr/bin/python3
"""An attacker holding a node's connections: idle sockets that never send a byte, and
"trickling" clients that send a request head one header line at a time and never finish
it. A socket the node closes is opened again at once (at most every --period seconds), so
the pressure lasts the whole --hold. Loopback only.

Prints one JSON object: how many connections each kind opened, and for tricklers the
seconds from connecting to being cut (the longest is what the header deadline allowed,
however steadily it sent)."""
import argparse
import json
import socket
import time

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--idle", type=int, default=0)
parser.add_argument("--trickle", type=int, default=0)
parser.add_argument("--first-request", action="store_true", help="tricklers send one complete request first, then trickle the next head on the kept-alive connection")
parser.add_argument("--slowbody", type=int, default=0, help="requests whose head is complete and whose body comes a byte per period")
parser.add_argument("--hold", type=float, default=5.0)
parser.add_argument("--period", type=float, default=0.2)
parser.add_argument("--max-new", type=int, default=60, help="connections opened per period at most, so the churn stays gentle on a shared machine")
args = parser.parse_args()
assert args.host.startswith("127.") or args.host == "::1", "loopback only"


def connect():
    try:
        sock = socket.create_connection((args.host, args.port), timeout=1.0)
        sock.setblocking(False)
        return sock
    except OSError:
        return None


def closed_by_peer(sock):
    try:
        return sock.recv(4096) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def start_trickling(sock):
    try:
        if args.first_request:
            sock.send(b"GET /healthz HTTP/1.1\r\nHost: node\r\n\r\n")
        sock.send(b"GET /healthz HTTP/1.1\r\nHost: node\r\n")
    except OSError:
        pass
    return (sock, time.monotonic())


def refill(held, want, counter, budget, start):
    """Opens connections into `held` until it has `want` or `budget` runs out; returns the budget left."""
    while len(held) < want and budget > 0:
        budget -= 1
        sock = connect()
        if sock is None:
            stats["refused_connects"] += 1
            break
        held.append(start(sock))
        stats[counter] += 1
    return budget


stats = {"idle_opened": 0, "trickle_opened": 0, "refused_connects": 0, "trickle_cut_after": [], "trickle_bytes": 0}
idle = []
tricklers = []  # [socket, connected at]
uploads = []
for _ in range(args.slowbody):
    sock = connect()
    if sock is not None:
        sock.send(b"POST /v1/healthchecks HTTP/1.1\r\nHost: node\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
        uploads.append(sock)
stats["slowbody_opened"] = len(uploads)
start = time.monotonic()
while time.monotonic() - start < args.hold:
    loop_start = time.monotonic()
    budget = args.max_new
    idle = [s for s in idle if not (closed_by_peer(s) and (s.close() or True))]
    alive = []
    for sock, since in tricklers:
        cut = closed_by_peer(sock)
        if not cut:
            try:
                sock.send(b"X-Slow: a\r\n")
                stats["trickle_bytes"] += 11
            except OSError:
                cut = True
        if cut:
            stats["trickle_cut_after"].append(round(time.monotonic() - since, 3))
            sock.close()
        else:
            alive.append((sock, since))
    tricklers = alive
    budget = refill(tricklers, args.trickle, "trickle_opened", budget, start_trickling)
    budget = refill(idle, args.idle, "idle_opened", budget, lambda sock: sock)
    for sock in uploads:
        try:
            sock.send(b" ")
        except OSError:
            pass
    time.sleep(max(0.0, args.period - (time.monotonic() - loop_start)))

now = time.monotonic()
stats["trickle_alive_for"] = [round(now - since, 3) for _, since in tricklers]
print(json.dumps(stats))
