#!/usr/bin/env bash
# The engine single-threaded beside Mozilla Readability.js on linkedom, on the same
# pages, in one script: engine, Readability, engine, Readability (alternating, so a
# slow spell of a shared machine does not favour either), then the median of each and
# their ratio.
# Usage: bench/peers/run_peers.sh [PAGES_DIR]   (default ../shared/data/scrapinghub/html)
# Readability and linkedom come from npm through bench/peers/package.json (npm ci).
set -euo pipefail
cd "$(dirname "$0")/../.."
pages=${1:-../shared/data/scrapinghub/html}
build_dir=${BUILD_DIR:-build}
cmake --build "$build_dir" --target declutter-speed > /dev/null
if [ ! -f bench/peers/node_modules/.installed-lock ] ||
   ! cmp -s bench/peers/package-lock.json bench/peers/node_modules/.installed-lock; then
  (cd bench/peers && npm ci --no-audit --no-fund > /dev/null &&
   cp package-lock.json node_modules/.installed-lock)
fi

engine=() peer=()
for round in 1 2 3; do
  e=$("$build_dir/bench/speed/declutter-speed" --pages="$pages" --engine_only)
  p=$(node bench/peers/readability_speed.mjs "$pages")
  echo "round $round: $e"
  echo "round $round: $p"
  engine+=("$(echo "$e" | sed 's/.*pages\/s=//')")
  peer+=("$(echo "$p" | sed 's/.*pages\/s=//')")
done
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
awk -v e="$(median "${engine[@]}")" -v p="$(median "${peer[@]}")" 'BEGIN {
  printf "median pages/s: engine (b) %.1f, Readability.js on linkedom %.1f; engine / Readability = %.2f\n", e, p, e / p }'
