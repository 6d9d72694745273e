#!/usr/bin/env python3
"""Two attacks on the metrics port, with the server's memory and /metrics' delay.

  post  --clients N POSTs of --post_mib MiB bodies at once; prints what each was
        answered and the server's VmHWM/VmRSS (KiB) before and after;
  slow  --clients N connections that send a request line, then one header line
        every --interval seconds and never end the headers; prints how long a
        GET /metrics took meanwhile and when each slow client was cut off.

  bench/load/metrics_port_attacks.py --port 9090 --pid $(pidof declutter-server) post
  bench/load/metrics_port_attacks.py --port 9090 --clients 24 slow
"""

import argparse
import json
import socket
import sys
import threading
import time
import urllib.request

from process_status import memory


def post(args):
    answers = []

    def one():
        sock = socket.create_connection(("127.0.0.1", args.port))
        size = args.post_mib << 20
        sock.sendall(b"POST /metrics HTTP/1.1\r\nHost: t\r\n"
                     b"Content-Length: %d\r\n\r\n" % size)
        chunk, sent = b"x" * (1 << 20), 0
        try:
            while sent < size:
                sock.sendall(chunk)
                sent += len(chunk)
        except OSError:
            pass  # the server closed the connection after answering
        try:
            answers.append({"sent_mib": sent >> 20,
                            "answer": sock.recv(64).split(b"\r\n")[0].decode()})
        except OSError as error:
            answers.append({"sent_mib": sent >> 20, "answer": str(error)})

    before = memory(args.pid)
    threads = [threading.Thread(target=one) for _ in range(args.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"before": before, "after": memory(args.pid), "answers": answers}


def slow(args):
    start = time.monotonic()
    cut = {}

    def one(i):
        sock = socket.create_connection(("127.0.0.1", args.port))
        sock.sendall(b"GET /metrics HTTP/1.1\r\nHost: t\r\n")
        sock.setblocking(False)
        while time.monotonic() - start < args.give_up:
            time.sleep(args.interval)
            try:
                sock.recv(64)  # anything, or the close: cut off
                cut[i] = round(time.monotonic() - start, 1)
                return
            except BlockingIOError:
                pass
            except OSError:
                cut[i] = round(time.monotonic() - start, 1)
                return
            try:
                sock.sendall(b"X-Slow: 1\r\n")
            except OSError:
                cut[i] = round(time.monotonic() - start, 1)
                return

    threads = [threading.Thread(target=one, args=(i,))
               for i in range(args.clients)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    asked = time.monotonic()
    try:
        with urllib.request.urlopen(
                f"http://127.0.0.1:{args.port}/metrics",
                timeout=args.give_up) as answer:
            metrics = {"status": answer.status,
                       "seconds": round(time.monotonic() - asked, 1)}
    except OSError as error:
        metrics = {"error": str(error),
                   "seconds": round(time.monotonic() - asked, 1)}
    for t in threads:
        t.join()
    return {"metrics": metrics, "cut_off": len(cut),
            "cut_off_at_seconds": sorted(cut.values())}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("attack", choices=["post", "slow"])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, default=0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--post_mib", type=int, default=500)
    parser.add_argument("--interval", type=float, default=0.2)
    parser.add_argument("--give_up", type=float, default=60)
    args = parser.parse_args()
    report = post(args) if args.attack == "post" else slow(args)
    print(json.dumps({"attack": args.attack, "clients": args.clients, **report}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
