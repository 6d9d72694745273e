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

bash scripts/setup.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build_dir" -j"$jobs"
ctest --test-dir "$build_dir" --output-on-failure -j"$jobs" --timeout 300

if [ "${SANITIZE:-1}" != "0" ]; then
  asan_dir="${build_dir}-asan"
  cmake -S . -B "$asan_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDECLUTTER_SANITIZE=ON
  cmake --build "$asan_dir" -j"$jobs"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$asan_dir" --output-on-failure -j"$jobs" --timeout 600
fi
