#!/usr/bin/env bash
# Installs the dependencies, builds, starts declutter-server on 127.0.0.1:50051, cleans
# the bundled sample pages through it with the CLI, then keeps serving until Ctrl-C.
# Usage: scripts/run.sh   (LISTEN=host:port and METRICS_LISTEN=host:port change the addresses)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
listen=${LISTEN:-127.0.0.1:50051}

BUILD_DIR="$build_dir" bash scripts/build.sh declutter-server declutter

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

echo "== cleaning samples/ through declutter-server at $listen"
"$build_dir/client/declutter" clean --server "$listen" --removed samples/
echo
echo "== declutter-server is serving on $listen (gRPC, health, reflection) and metrics on"
echo "   http://$metrics_listen/metrics; Ctrl-C stops it"
wait $server
