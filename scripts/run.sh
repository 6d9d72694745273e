#!/usr/bin/env bash
# Installs the dependencies, builds, starts declutter-server on 127.0.0.1:50051, cleans
# the bundled sample pages through it with the CLI, then keeps serving until Ctrl-C.
# Usage: scripts/run.sh   (LISTEN=host:port and METRICS_LISTEN=host:port change the addresses,
# port 0 picks a free one; SKIP_BUILD=1 uses the binaries already in BUILD_DIR; RUN_ONCE=1
# stops the server after cleaning the samples instead of serving on)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
listen=${LISTEN:-127.0.0.1:50051}

if [ "${SKIP_BUILD:-0}" != "1" ]; then
  BUILD_DIR="$build_dir" bash scripts/build.sh declutter-server declutter
fi

port_file=$(mktemp)
metrics_listen=${METRICS_LISTEN:-127.0.0.1:9090}
# Plaintext is for this local demo only; production serves TLS (see README).
"$build_dir/service/server/declutter-server" --listen="$listen" --port_file="$port_file" \
  --plaintext --metrics_listen="$metrics_listen" --log_pages=false &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server; rm -f "$port_file"' EXIT
trap 'exit 0' INT TERM

for _ in $(seq 100); do
  [ -s "$port_file" ] && break
  kill -0 $server 2>/dev/null || { echo "run.sh: declutter-server failed to start" >&2; exit 1; }
  sleep 0.1
done
[ -s "$port_file" ] || { echo "run.sh: declutter-server did not start listening" >&2; exit 1; }

# The bound port (LISTEN may say 0); a wildcard host is reached on loopback.
host=${listen%:*}
case "$host" in 0.0.0.0 | "[::]" | "") host=127.0.0.1 ;; esac
address="$host:$(cat "$port_file")"
# The sample pages, not samples/README.md, which describes them.
pages=()
for f in samples/*; do
  [ -f "$f" ] && [ "$(basename "$f")" != README.md ] && pages+=("$f")
done
echo "== cleaning ${pages[*]} through declutter-server at $address"
"$build_dir/client/declutter" clean --server "$address" --removed "${pages[@]}"
[ "${RUN_ONCE:-0}" = "1" ] && exit 0
echo
echo "== declutter-server is serving on $address (gRPC, health, reflection) and metrics on"
echo "   http://$metrics_listen/metrics; Ctrl-C stops it"
wait $server
