#!/usr/bin/env bash
# Measures the server under load on this machine, with declutter-load on loopback:
#   1. unloaded:   concurrency 1      -> the reference p99
#   2. sustained:  concurrency 4      -> pages/s with zero errors, against (c): the
#                  engine in this machine's process on as many threads as the server
#                  has workers (declutter-speed --engine_only), run 5 times just
#                  before and 5 times just after, median of the 10
#   3. overload:   4x that rate, open loop -> RESOURCE_EXHAUSTED for the excess,
#                  the accepted calls' p99 against the unloaded one, the server's RSS
# Usage: bench/load/run_load.sh [PAGES_DIR] [SECONDS]
#   PAGES_DIR defaults to ../shared/data/scrapinghub/html; SECONDS (default 30) per phase.
# Server flags can be added with SERVER_FLAGS="--queue_per_worker=2 ...".
set -euo pipefail
cd "$(dirname "$0")/../.."
pages=${1:-../shared/data/scrapinghub/html}
seconds=${2:-30}
build_dir=${BUILD_DIR:-build}
cmake --build "$build_dir" --target declutter-server declutter-load declutter-speed > /dev/null
workers=$(nproc)

port_file=$(mktemp)
# shellcheck disable=SC2086
"$build_dir/service/server/declutter-server" --listen=127.0.0.1:0 --port_file="$port_file" \
  --plaintext --workers="$workers" --log_pages=false ${SERVER_FLAGS:-} 2> /dev/null &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$port_file"' EXIT
for _ in $(seq 100); do [ -s "$port_file" ] && break; sleep 0.1; done
address=127.0.0.1:$(cat "$port_file")
load() { "$build_dir/bench/load/declutter-load" --server="$address" --pages="$pages" \
  --duration="${seconds}s" --server_pid=$server "$@"; }

echo "== 1. unloaded (concurrency 1)"
unloaded=$(load --concurrency=1); echo "$unloaded"
engine() { "$build_dir/bench/speed/declutter-speed" --pages="$pages" --engine_only \
  --threads="$workers" | sed 's/.*pages\/s=//'; }
echo "== 2. sustained (concurrency 4)"
engine_runs=()
for _ in 1 2 3 4 5; do engine_runs+=("$(engine)"); done
sustained=$(load --concurrency=4); echo "$sustained"
for _ in 1 2 3 4 5; do engine_runs+=("$(engine)"); done
echo "(c) engine in process on $workers threads, pages/s: ${engine_runs[*]}"
rate=$(echo "$sustained" | awk '/^calls/ {print $8}')
over=$(awk -v r="$rate" 'BEGIN {printf "%.1f", 4 * r}')
echo "== 3. overload (open loop at 4 x $rate = $over calls/s)"
overload=$(load --rate="$over"); echo "$overload"

p99() { echo "$1" | awk '/^latency ok/ {for (i = 1; i <= NF; ++i) if ($i == "p99") print $(i + 1)}'; }
echo "== summary"
awk -v s="$(echo "$sustained" | awk '/^calls/ {print $8}')" \
  -v c="$(printf '%s\n' "${engine_runs[@]}" | sort -g | sed -n 5,6p | awk '{t += $1} END {print t / 2}')" \
  'BEGIN {printf "server at concurrency 4: %.1f pages/s = %.0f %% of (c) %.1f pages/s (median of 10)\n", s, 100 * s / c, c}'
awk -v u="$(p99 "$unloaded")" -v o="$(p99 "$overload")" \
  'BEGIN {printf "accepted p99 under overload %.1f ms = %.2f x the unloaded p99 %.1f ms\n", o, o / u, u}'
