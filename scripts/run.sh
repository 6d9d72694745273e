#!/usr/bin/env bash
# Installs the dependencies, builds, starts declutter-server on 127.0.0.1:50051, cleans
# the bundled sample pages through it with the CLI, then keeps serving until Ctrl-C.
# Usage: scripts/run.sh   (LISTEN=host:port to change the address)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
listen=${LISTEN:-127.0.0.1:50051}

bash scripts/setup.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build_dir" -j"$(nproc)" --target declutter-server declutter

port_file=$(mktemp)
"$build_dir/service/server/declutter-server" --listen="$listen" --port_file="$port_file" &
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
echo "== declutter-server is serving on $listen (gRPC, health, reflection); Ctrl-C stops it"
wait $server
