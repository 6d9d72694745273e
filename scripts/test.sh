#!/usr/bin/env bash
# Installs the dependencies, builds everything and runs every test (unit, golden,
# real-server, fuzz-corpus replays), then builds and runs the same suite again under
# AddressSanitizer and UndefinedBehaviorSanitizer.
# Usage: scripts/test.sh   (BUILD_DIR overrides the build folder; SANITIZE=0 skips the
# sanitizer pass for a quicker local run; CI always runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
jobs=$(nproc)

BUILD_DIR="$build_dir" bash scripts/build.sh
ctest --test-dir "$build_dir" --output-on-failure -j"$jobs" --timeout 300

if [ "${SANITIZE:-1}" != "0" ]; then
  asan_dir="${build_dir}-asan"
  BUILD_DIR="$asan_dir" CMAKE_FLAGS=-DDECLUTTER_SANITIZE=ON bash scripts/build.sh
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$asan_dir" --output-on-failure -j"$jobs" --timeout 600
fi
