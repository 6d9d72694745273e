#!/usr/bin/env python3
"""Fails when an #include crosses a forbidden line between the project's layers.

The layers, bottom up: the engine (service/extract/), the API layer (service/api/:
proto <-> engine, and the files both sides read), then the server (service/server/)
and the CLI (client/) as siblings over it, and the benches (bench/) beside them.

Usage: scripts/check_layers.py [--root DIR]   check the tree at DIR (default: the repo)
       scripts/check_layers.py --self-test    check that every rule catches a violation
Exit status: 0 when no include crosses a line, 1 when one does (each is listed).
"""

import argparse
import os
import re
import sys
import tempfile

# Every rule: (files under this folder, must not include headers matching this,
# because). A header matches when its path starts with the prefix; "grpc" stands for
# gRPC's own headers (<grpcpp/...>, <grpc/...>) and generated service stubs
# (*.grpc.pb.h).
RULES = [
    # The engine is a library with no transport: it sees neither of its callers...
    ("service/extract/", "service/server/", "the engine knows nothing of the server"),
    ("service/extract/", "service/api/", "the engine knows nothing of the API layer"),
    ("service/extract/", "client/", "the engine knows nothing of the CLI"),
    # ...nor the wire format or gRPC: the API layer translates.
    ("service/extract/", "proto/", "the engine has its own types; proto is the API layer's"),
    ("service/extract/", "grpc", "the engine makes no gRPC calls"),
    # The API layer is what the server and the CLI share, so it sees neither.
    ("service/api/", "service/server/", "the API layer sits below the server"),
    ("service/api/", "client/", "the API layer sits below the CLI"),
    ("service/api/", "grpc", "the API layer makes no gRPC calls (each side owns its transport)"),
    # The server and the CLI are siblings: what both need goes in service/api/.
    ("service/server/", "client/", "server and CLI share only service/api/"),
    ("client/", "service/server/", "server and CLI share only service/api/"),
    # The benches measure the engine and the API layer, never the CLI.
    ("bench/", "client/", "benches depend on the engine and service/api/ only"),
    ("bench/", "service/server/", "benches depend on the engine and service/api/ only"),
]

SOURCE_SUFFIXES = (".h", ".hpp", ".cc", ".cpp", ".inc")
SKIPPED_DIRS = {".git", "node_modules"}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def is_grpc(header):
    return (header.startswith(("grpcpp/", "grpc/", "grpc++/")) or
            header.endswith(".grpc.pb.h"))


def matches(header, forbidden):
    if forbidden == "grpc":
        return is_grpc(header)
    return header.startswith(forbidden)


def resolve(root, source, header):
    """A quoted include that names a file relative to its includer (../x.h), as a
    path from the root; otherwise the header as written."""
    if header.startswith("."):
        near = os.path.normpath(os.path.join(os.path.dirname(source), header))
        return os.path.relpath(near, root).replace(os.sep, "/")
    return header


def sources(root):
    """Every C++ source under the folders the rules constrain, relative to root."""
    for top in sorted({rule[0] for rule in RULES}):
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs[:] = sorted(d for d in dirs
                             if d not in SKIPPED_DIRS and not d.startswith("build"))
            for name in sorted(files):
                if name.endswith(SOURCE_SUFFIXES):
                    path = os.path.join(folder, name)
                    yield os.path.relpath(path, root).replace(os.sep, "/")


def violations(root):
    """(file, line number, header, rule) for every forbidden include."""
    found = []
    for rel in sources(root):
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as f:
            for number, text in enumerate(f, 1):
                m = INCLUDE.match(text)
                if not m:
                    continue
                header = resolve(root, os.path.join(root, rel), m.group(2))
                for rule in RULES:
                    if rel.startswith(rule[0]) and matches(header, rule[1]):
                        found.append((rel, number, m.group(2), rule))
    return found


def report(found):
    for rel, number, header, (src, forbidden, why) in found:
        what = "gRPC headers" if forbidden == "grpc" else forbidden
        print(f"{rel}:{number}: includes {header}: {src} must not include {what} ({why})")


def self_test():
    """Each rule must fire on a tree with one include that breaks it, and only
    there; a tree of allowed includes must pass."""
    allowed = {
        "service/extract/clean.cc": '#include "service/extract/page.h"\n#include "absl/status/status.h"\n',
        "service/api/request_cleaner.cc": '#include "proto/declutter/v1/declutter.pb.h"\n#include "service/extract/clean.h"\n',
        "service/server/main.cc": '#include <grpcpp/grpcpp.h>\n#include "service/api/request_cleaner.h"\n',
        "client/main.cc": '#include "proto/declutter/v1/declutter.grpc.pb.h"\n#include "service/api/input_reader.h"\n',
        "bench/speed/main.cc": '#include "service/api/input_reader.h"\n#include "service/extract/clean.h"\n',
    }
    failures = []
    with tempfile.TemporaryDirectory() as root:
        write_tree(root, allowed)
        if violations(root):
            failures.append("a tree of allowed includes fails the check")
    for rule in RULES:
        src, forbidden, _ = rule
        header = {"grpc": "<grpcpp/grpcpp.h>"}.get(forbidden, f'"{forbidden}x.h"')
        bad = dict(allowed)
        bad[src + "sub/bad.cc"] = f"// a comment first\n#include {header}\n"
        with tempfile.TemporaryDirectory() as root:
            write_tree(root, bad)
            found = violations(root)
        if [(f[0], f[1], f[3]) for f in found] != [(src + "sub/bad.cc", 2, rule)]:
            failures.append(f"{src} -> {forbidden}: expected one violation, got {found}")
    # A relative include that climbs into a forbidden folder is caught too.
    sneaky = dict(allowed)
    sneaky["client/sneaky.cc"] = '#include "../service/server/work_pool.h"\n'
    with tempfile.TemporaryDirectory() as root:
        write_tree(root, sneaky)
        if len(violations(root)) != 1:
            failures.append("a relative include into service/server/ from client/ passed")
    for failure in failures:
        print("self-test:", failure)
    if not failures:
        print(f"self-test: all {len(RULES)} rules catch their violation")
    return 1 if failures else 0


def write_tree(root, files):
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), ".."))
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    root = os.path.abspath(args.root)
    found = violations(root)
    report(found)
    if found:
        print(f"{len(found)} include(s) cross a layer: see the rules in scripts/check_layers.py "
              "and README.md's layout section")
        return 1
    print(f"layers: no forbidden include in {sum(1 for _ in sources(root))} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
