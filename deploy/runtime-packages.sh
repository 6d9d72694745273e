#!/usr/bin/env bash
# Prints the Debian packages that the given binaries' shared libraries come from, one
# per line: what the image's runtime stage installs, and nothing more. Uses Debian's own
# dpkg-shlibdeps (dpkg-dev, which build-essential brings), which maps each library a
# binary links (its DT_NEEDED entries) to the package that ships it.
# Usage: deploy/runtime-packages.sh BINARY...
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 BINARY..." >&2; exit 2; }
binaries=()
for b in "$@"; do binaries+=("$(realpath "$b")"); done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# dpkg-shlibdeps reads the package's name from a debian/control; a stub does.
mkdir "$work/debian"
printf 'Source: declutter\n\nPackage: declutter\nArchitecture: any\n' > "$work/debian/control"
# Its warning that the binaries are not installed in a package tree is expected.
if ! depends=$(cd "$work" && dpkg-shlibdeps -O "${binaries[@]}" 2> "$work/errors"); then
  cat "$work/errors" >&2
  exit 1
fi
# "shlibs:Depends=libc6 (>= 2.34), libgrpc++1.51 (>= 1.51.1), ..." -> one name a line.
echo "${depends#shlibs:Depends=}" | tr ',' '\n' | sed -E 's/\(.*\)//; s/^ +//; s/ +$//' \
  | grep -v '^$' | sort -u
