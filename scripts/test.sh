#!/usr/bin/env bash
# Installs the dependencies, builds everything and runs every test (unit, golden,
# real-server). Usage: scripts/test.sh   (BUILD_DIR overrides the build folder)
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
jobs=$(nproc)

bash scripts/setup.sh
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build_dir" -j"$jobs"
ctest --test-dir "$build_dir" --output-on-failure -j"$jobs" --timeout 300
