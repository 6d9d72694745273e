#!/usr/bin/env bash
# Installs the dependencies (scripts/setup.sh) and builds declutter with CMake. The one
# build recipe: scripts/test.sh, run.sh, fuzz.sh and deploy/Dockerfile all build through it.
# Usage: scripts/build.sh [TARGET...]   (no target: everything, tests included)
# Environment: BUILD_DIR (default build), BUILD_TYPE (default RelWithDebInfo),
# CMAKE_FLAGS (extra configure flags, e.g. -DDECLUTTER_SANITIZE=ON or -DBUILD_TESTING=OFF).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}

bash scripts/setup.sh
# shellcheck disable=SC2086
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
  ${CMAKE_FLAGS:-}
targets=()
for t in "$@"; do targets+=(--target "$t"); done
cmake --build "$build_dir" -j"$(nproc)" "${targets[@]}"
