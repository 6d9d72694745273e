#!/usr/bin/env python3
"""Waits until a gRPC server's grpc.health.v1.Health/Check says SERVING.

The same question the kubelet's native gRPC probe asks (deploy/k8s), over a real gRPC
channel of Debian's python3-grpcio. The two messages have one field each, so they are
encoded here by hand rather than generated from health.proto:
  HealthCheckRequest  { string service = 1; }
  HealthCheckResponse { ServingStatus status = 1; }  (0 UNKNOWN, 1 SERVING,
                                                      2 NOT_SERVING, 3 SERVICE_UNKNOWN)

Usage: wait_for_serving.py --target HOST:PORT [--service NAME] [--timeout SECONDS]
                           [--started-ns EPOCH_NANOSECONDS] [--pid PID]
Asks every 50 ms (each call bounded by 1 s) until SERVING or the timeout. Prints the
seconds from --started-ns (default: this program's start) to the first SERVING answer,
and exits 0; exits 1 at the timeout, or as soon as process --pid (the server) has
ended, naming the last answer or error.
"""

import argparse
import os
import sys
import time

import grpc

STATUS_NAMES = {0: "UNKNOWN", 1: "SERVING", 2: "NOT_SERVING", 3: "SERVICE_UNKNOWN"}
SERVING = 1
POLL_SECONDS = 0.05
CALL_SECONDS = 1.0


def encode_varint(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def encode_request(service):
    """HealthCheckRequest: field 1 (string) -> tag 0x0a, length, UTF-8 bytes."""
    name = service.encode("utf-8")
    return (b"\x0a" + encode_varint(len(name)) + name) if name else b""


def decode_status(response):
    """HealthCheckResponse's status; an empty message is status 0 (UNKNOWN)."""
    status = 0
    i = 0
    while i < len(response):
        tag = response[i]
        i += 1
        if tag != 0x08:  # field 1, varint; the message has no other field
            raise ValueError(f"unexpected field tag {tag:#x} in HealthCheckResponse")
        status, shift = 0, 0
        while True:
            if i >= len(response) or shift > 63:
                raise ValueError("truncated varint in HealthCheckResponse")
            byte = response[i]
            i += 1
            status |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                break
    return status


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", required=True)
    parser.add_argument("--service", default="")
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--started-ns", type=int, default=time.time_ns())
    parser.add_argument("--pid", type=int, default=0)
    args = parser.parse_args()

    deadline = time.monotonic() + args.timeout
    last = "no answer yet"
    request = encode_request(args.service)
    while time.monotonic() < deadline:
        # A new channel for each question, as the kubelet's probe opens a new connection:
        # one channel whose first connections were refused waits out gRPC's reconnect
        # backoff (1 s, growing 1.6x) and answered 5 s after a server that was up in 0.1 s.
        options = [("grpc.use_local_subchannel_pool", 1)]  # no connection shared either
        with grpc.insecure_channel(args.target, options=options) as channel:
            check = channel.unary_unary("/grpc.health.v1.Health/Check")  # bytes in and out
            try:
                status = decode_status(check(request, timeout=CALL_SECONDS))
                if status == SERVING:
                    print(f"{(time.time_ns() - args.started_ns) / 1e9:.2f}")
                    return 0
                last = STATUS_NAMES.get(status, f"status {status}")
            except grpc.RpcError as error:
                last = f"{error.code().name}: {error.details()}"
        if args.pid and not os.path.exists(f"/proc/{args.pid}"):
            print(f"wait_for_serving: the server (pid {args.pid}) ended before "
                  f"{args.target} said SERVING; last answer: {last}", file=sys.stderr)
            return 1
        time.sleep(POLL_SECONDS)
    print(f"wait_for_serving: {args.target} service {args.service!r} not SERVING after "
          f"{args.timeout:g} s; last answer: {last}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
