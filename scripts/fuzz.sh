#!/usr/bin/env bash
# Fuzzes with libFuzzer (clang, ASan, UBSan): the engine's HTML path, text path,
# charset path and the pre-pass before Gumbo (strip: it must not change the tree),
# and the batch CLI's readers: WARC and JSONL (through its PageSource) and gzip
# streams. Seeds come from the checked-in corpus (tests/fuzz/corpus) and, for the
# engine, from the benchmark pages in ../shared/data and ../shared/seeds when they
# are there.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   SECONDS_PER_TARGET  default 600; TARGET is html, text, charset, strip, warc, jsonl
#   or gzip (default all). Only the targets named are built: the readers' need no engine.
# A finding is written to build-fuzz/findings/<target>/ and the script exits non-zero.
# Fix it, then copy the reproducer into tests/fuzz/corpus/<target>/ so the ctest replay
# keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(html text charset strip warc jsonl gzip)
build_dir=${BUILD_DIR:-build-fuzz}
shared=${SHARED_DATA:-../shared}

binaries=()
for target in "${targets[@]}"; do binaries+=("${target}_fuzzer"); done
CC=clang CXX=clang++ BUILD_DIR="$build_dir" \
  CMAKE_FLAGS="-DDECLUTTER_FUZZ=ON ${CMAKE_FLAGS:-}" \
  bash scripts/build.sh "${binaries[@]}" > /dev/null

# Seeds: every 5th benchmark page (gzip), so the corpus spans every set and language
# without making each run start slow. The html target reads its first byte as options.
seeds="$build_dir/seeds"
if [ ! -d "$seeds" ]; then
  mkdir -p "$seeds"/{html,text,charset,strip}
  i=0
  while IFS= read -r page; do
    i=$((i + 1))
    [ $((i % 5)) -eq 0 ] || continue
    name=$(basename "$page" .html.gz)
    # head closes the pipe early on big pages; gzip's SIGPIPE is expected there.
    { printf '\x10'; gzip -dc "$page" | head -c 262144 || true; } > "$seeds/html/$name"
    { printf 'text/html\n'; gzip -dc "$page" | head -c 262144 || true; } > "$seeds/charset/$name"
    { gzip -dc "$page" | head -c 16384 || true; } > "$seeds/strip/$name"
  done < <(find "$shared/data" -name '*.html.gz' 2>/dev/null | sort)
  for page in "$shared"/seeds/*.txt; do
    [ -f "$page" ] || continue
    { printf '\x00'; cat "$page"; } > "$seeds/text/$(basename "$page" .txt)"
    { printf 'text/plain\n'; cat "$page"; } > "$seeds/charset/seed-$(basename "$page" .txt)"
  done
  echo "fuzz: $(find "$seeds" -type f | wc -l) seed files from $shared"
fi

status=0
for target in "${targets[@]}"; do
  work="$build_dir/corpus/$target"
  findings="$build_dir/findings/$target"
  mkdir -p "$work" "$findings" "$seeds/$target"
  echo "fuzz: $target for ${seconds}s"
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: a 2 GB input is a leak.
  if ! "$build_dir/tests/fuzz/${target}_fuzzer" "$work" "tests/fuzz/corpus/$target" \
      "$seeds/$target" -max_total_time="$seconds" -max_len=262144 -timeout=10 \
      -rss_limit_mb=2048 -artifact_prefix="$findings/" -print_final_stats=1 \
      2> "$build_dir/findings/$target.log"; then
    echo "fuzz: $target found a problem; see $build_dir/findings/$target.log"
    tail -n 40 "$build_dir/findings/$target.log"
    status=1
  else
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^Done' \
      "$build_dir/findings/$target.log" || true
  fi
done
exit $status
