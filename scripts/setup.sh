#!/usr/bin/env bash
# Installs every build, test and run dependency of declutter from Debian bookworm packages,
# the npm packages of the offline deployment checks (deploy/check, pinned by its
# package-lock.json), and the Python client (client/python) for Debian's /usr/bin/python3.
# Safe to run twice: apt-get skips what is installed, the package lists are refreshed
# only when they are missing or older than a day, npm runs only when the lock changed, and
# pip only when the Python package's sources changed.
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
  # The Python client and its Scrapy pipeline (client/python): gRPC and protobuf for
  # Debian's python3, and what `pip install ./client/python` builds it with.
  packages+=(python3-grpcio python3-protobuf python3-scrapy python3-setuptools python3-pip
             python3-wheel)
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

# The Python client, importable as `declutter` by /usr/bin/python3: a regular (not editable)
# install into /usr/local/lib/python3*/dist-packages, where Debian keeps local packages
# apart from its own (hence --break-system-packages, which PEP 668 asks for). A regular
# install holds its own copy with the stubs protoc generated at build time, so it keeps
# working when this tree moves or goes; an editable one would point into the tree. It is
# reinstalled when the digest of its sources (client/python/source_digest.py) differs
# from the installed one's. No network: the dependencies are the Debian packages above.
if [ "${DECLUTTER_BUILD_ONLY:-0}" != "1" ]; then
  want=$(/usr/bin/python3 client/python/source_digest.py)
  have=$(cd / && /usr/bin/python3 -I -c \
    'from declutter._source_digest import SOURCE_DIGEST; print(SOURCE_DIGEST)' 2>/dev/null || true)
  if [ "$want" != "$have" ]; then
    echo "setup: installing the declutter Python package (client/python)"
    "${sudo_cmd[@]}" rm -rf client/python/build client/python/declutter.egg-info
    "${sudo_cmd[@]}" /usr/bin/python3 -m pip install --quiet --no-index --no-deps \
      --no-build-isolation --break-system-packages --force-reinstall --root-user-action=ignore \
      ./client/python
    "${sudo_cmd[@]}" rm -rf client/python/build client/python/declutter.egg-info
  fi
fi
