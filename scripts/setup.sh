#!/usr/bin/env bash
# Installs every build, test and run dependency of declutter from Debian bookworm packages,
# and the npm packages of the offline deployment checks (deploy/check, pinned by its
# package-lock.json).
# Safe to run twice: apt-get skips what is installed, the package lists are refreshed
# only when they are missing or older than a day, and npm runs only when the lock changed.
# DECLUTTER_BUILD_ONLY=1 installs only what building the binaries needs (deploy/Dockerfile).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libgumbo-dev libicu-dev libcld2-dev libabsl-dev zlib1g-dev nlohmann-json3-dev
  libcpp-httplib-dev
  # OpenSSL: the HTTP/JSON port's TLS (service/server/http_tls, bounded_http_server).
  libssl-dev
)
if [ "${DECLUTTER_BUILD_ONLY:-0}" != "1" ]; then
  # Tests, sanitizers, fuzzing, benchmarks; openssl makes the TLS tests' certificates,
  # python3 runs the layering check (scripts/check_layers.py).
  packages+=(openssl python3 clang libclang-rt-14-dev libgtest-dev libgmock-dev
             libbenchmark-dev)
  # Training the learned models (train/train.sh).
  packages+=(python3-xgboost python3-sklearn python3-numpy)
  # The engine walks its trees itself; bench/micro measures that against libxgboost.
  packages+=(libxgboost-dev)
  # Node.js runs the deployment checks; a machine that has its own node keeps it.
  if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
    packages+=(nodejs npm)
  fi
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
else
  lists=/var/lib/apt/lists
  if [ -z "$(find "$lists" -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n 1)" ]; then
    "${sudo_cmd[@]}" apt-get update -qq
  fi
  echo "setup: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "${DECLUTTER_BUILD_ONLY:-0}" != "1" ]; then
  check=deploy/check
  stamp=$check/node_modules/.installed-lock
  if ! cmp -s "$check/package-lock.json" "$stamp"; then
    echo "setup: installing the npm packages of $check"
    npm ci --prefix "$check" --no-audit --no-fund --loglevel=error
    cp "$check/package-lock.json" "$stamp"
  fi
fi
