#!/usr/bin/env bash
# Installs every build, test and run dependency of declutter from Debian bookworm packages.
# Safe to run twice: apt-get skips what is installed, and the package lists are refreshed
# only when they are missing or older than a day.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  libgumbo-dev libicu-dev libcld2-dev libabsl-dev zlib1g-dev nlohmann-json3-dev
  libcpp-httplib-dev openssl clang libclang-rt-14-dev
  libgtest-dev libgmock-dev libbenchmark-dev
)

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

lists=/var/lib/apt/lists
if [ -z "$(find "$lists" -maxdepth 1 -name '*Packages*' -mtime -1 2>/dev/null | head -n 1)" ]; then
  "${sudo_cmd[@]}" apt-get update -qq
fi
echo "setup: installing ${missing[*]}"
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
