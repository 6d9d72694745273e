#!/usr/bin/env bash
# Builds deploy/Dockerfile with Podman and runs the image the way deploy/k8s runs it: as the
# image's user (uid 10001), with a read-only root filesystem, the base ConfigMap's flag
# files mounted read-only, and nothing else writable. Then it checks, in order:
#   1. grpc.health.v1 says SERVING on the API port and on the plaintext health port, and
#      how long that took from `podman run`;
#   2. GET /metrics answers on the metrics port;
#   3. samples/harbor-news.html cleaned over gRPC by the host's CLI gives the same JSON as
#      the host's CLI cleaning it in-process (the same engine and built-in models);
#   4. the same page over HTTP/JSON with curl (POST /v1/clean, --http_listen);
#   5. SIGTERM: the container exits 0 within the Deployment's grace period.
# It prints the image's size and the timings.
#
# Usage, as root on Debian bookworm, from anywhere:  bash deploy/image-test.sh
# It installs what it needs with apt (podman, runc, debootstrap, curl, python3-grpcio).
# No image registry is needed: the base image debian:bookworm-slim is made with
# `debootstrap --variant=minbase bookworm` from the Debian mirror apt uses, and imported.
#
# State (kept between runs, so a second run reuses the base image and the build's
# layers): DECLUTTER_IMAGE_CACHE (default /var/cache/declutter-image-test) holds the base
# tarball, Podman's storage (its own --root, apart from the machine's default Podman
# storage) and the containers.conf; Podman's run state is under /run/declutter-image-test
# (another cache: /run/declutter-image-test-HASH). Remove both directories to start cold.

# The whole script is one command, which bash reads whole before running it: editing this
# file during a run (the build takes minutes) cannot change what that run does.
{
set -euo pipefail
script_start=$(date +%s)
cache=$(realpath -m -- "${DECLUTTER_IMAGE_CACHE:-/var/cache/declutter-image-test}")
cd "$(dirname "$0")/.."
repo=$PWD
# Podman's run state, on tmpfs (gone at reboot, as Podman expects), one per cache.
runroot=/run/declutter-image-test
[ "$cache" = /var/cache/declutter-image-test ] \
  || runroot=$runroot-$(printf '%s' "$cache" | md5sum | cut -c1-8)
image=localhost/declutter:image-test
container=declutter-image-test-$$
base_name=docker.io/library/debian:bookworm-slim  # what `FROM debian:bookworm-slim` finds
# The time the container has after SIGTERM, as deploy/k8s/base/deployment.yaml gives it:
# terminationGracePeriodSeconds less the preStop pause that runs before SIGTERM (40 - 10).
# The server drains for --shutdown_grace (20 s in server.flags) at most, then exits 0.
deployment=deploy/k8s/base/deployment.yaml
period=$(sed -nE 's/^ *terminationGracePeriodSeconds: *([0-9]+) *$/\1/p' "$deployment")
pause=$(sed -nE 's/^ *command: *\["sleep", *"([0-9]+)"\] *$/\1/p' "$deployment")
if [ -z "$period" ] || [ -z "$pause" ]; then
  echo "image-test: FAILED: no terminationGracePeriodSeconds or preStop sleep in $deployment" >&2
  exit 1
fi
grace_seconds=$((period - pause))
if [ "$grace_seconds" -le 0 ]; then
  echo "image-test: FAILED: $deployment leaves no time after SIGTERM ($period s of grace, $pause s of preStop pause)" >&2
  exit 1
fi
# Bounds on every wait (seconds).
serving_timeout=120
build_timeout=${DECLUTTER_IMAGE_BUILD_TIMEOUT:-5400}
call_timeout=60

say() { echo "image-test: $*"; }
container_started=0
fail() {
  if [ "$container_started" = 1 ]; then
    echo "image-test: the server's last log lines:" >&2
    pm logs "$container" 2>&1 | tail -n 30 >&2 || true
  fi
  echo "image-test: FAILED: $*" >&2
  exit 1
}
elapsed_since() { echo $(($(date +%s) - $1)); }

[ "$(id -u)" -eq 0 ] || fail "run as root (it installs packages and runs podman as root)"

# --- 1. Packages -------------------------------------------------------------------
# python3-grpcio: deploy/wait_for_serving.py asks grpc.health.v1 over a real gRPC channel.
needed=(podman runc debootstrap curl python3 python3-grpcio)
py=/usr/bin/python3  # Debian's, with python3-grpcio (not a python3 earlier in PATH)
missing=()
for p in "${needed[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2> /dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mtime -1 2> /dev/null | head -n 1)" ]; then
    apt-get update -qq || fail "apt-get update"
  fi
  say "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    > /dev/null || fail "apt-get install ${missing[*]}"
fi

# Kernel overlayfs as root; vfs (a full copy per layer) works everywhere but is slow,
# so it is taken only where an overlay mount fails (a machine inside a container that
# forbids it), or when DECLUTTER_IMAGE_STORAGE_DRIVER says so. Each driver keeps its
# own storage: one cannot read the other's.
storage_driver=${DECLUTTER_IMAGE_STORAGE_DRIVER:-}
if [ -z "$storage_driver" ]; then
  probe=$(mktemp -d)
  mkdir -p "$probe/lower" "$probe/upper" "$probe/work" "$probe/merged"
  if mount -t overlay overlay \
       -o "lowerdir=$probe/lower,upperdir=$probe/upper,workdir=$probe/work" \
       "$probe/merged" 2> /dev/null; then
    umount "$probe/merged"
    storage_driver=overlay
  else
    storage_driver=vfs
    say "overlay mounts fail here: podman storage is vfs (slower)"
  fi
  rm -rf "$probe"
fi
storage_root=$cache/storage
if [ "$storage_driver" != overlay ]; then
  storage_root=$cache/storage-$storage_driver
  runroot=$runroot-$storage_driver
fi

# --- 2. Podman's configuration -------------------------------------------------------
# runc with the cgroupfs manager is what works on these machines (no systemd session).
# default_ulimits = []: Podman's default raises the open-files limit of root's containers
# to 1048576, above these machines' hard limit (20000), and runc fails ("error setting
# rlimit type 7: operation not permitted").
mkdir -p "$cache/etc" "$runroot"
cat > "$cache/etc/containers.conf" << EOF
[containers]
default_ulimits = []

[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
tmp_dir = "$runroot/libpod"
EOF
export CONTAINERS_CONF=$cache/etc/containers.conf
pm() {
  podman --root "$storage_root" --runroot "$runroot" --storage-driver "$storage_driver" "$@"
}

# One run at a time per cache (they share the image's tag); a run that was killed
# (SIGKILL, a lost machine) may have left its container: remove it.
exec 9> "$cache/lock"
flock -n 9 || fail "another deploy/image-test.sh is running with $cache"
for stale in $(pm ps -a --format '{{.Names}}' | grep '^declutter-image-test-' || true); do
  say "removing the container $stale left by an earlier run"
  pm rm -f -t 0 "$stale" > /dev/null || fail "podman rm of the earlier run's $stale"
done

# --- 3. The base image ---------------------------------------------------------------
# The URI apt uses for a Debian suite, from one-line (sources.list, *.list) or deb822
# (*.sources) files; empty when none names it.
apt_uri_for_suite() {
  local suite=$1 f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk -v s="$suite" '$1 == "deb" { i = 2; if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
                                     if ($(i + 1) == s) { print $i; exit } }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    # One paragraph per record; print the first URI of a "deb" record listing the suite.
    awk -v s="$suite" 'BEGIN { RS = ""; FS = "\n" }
      { types = ""; uris = ""; suites = ""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^Types:/) types = $i; else if ($i ~ /^URIs:/) uris = $i
          else if ($i ~ /^Suites:/) suites = $i
        }
        if (types ~ /[ \t]deb([ \t]|$)/ && (suites " ") ~ ("[ \t]" s "[ \t]")) {
          split(uris, u, /[ \t]+/); print u[2]; exit
        } }' "$f"
  done | head -n 1
}

# Bump when make_base_tarball changes: a cached tarball or image of another recipe is
# made again.
base_recipe=2
base_tar=$cache/bookworm-minbase-r$base_recipe.tar
make_base_tarball() {
  local mirror security updates rootfs=$cache/rootfs.tmp
  mirror=$(apt_uri_for_suite bookworm)
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  updates=$(apt_uri_for_suite bookworm-updates)
  security=$(apt_uri_for_suite bookworm-security)
  say "debootstrap --variant=minbase bookworm from $mirror (a few minutes)"
  rm -rf "$rootfs" "$cache"/bookworm-minbase-r*.tar  # and other recipes' tarballs
  timeout 1800 debootstrap --variant=minbase bookworm "$rootfs" "$mirror" \
    > "$cache/debootstrap.log" 2>&1 \
    || { tail -n 20 "$cache/debootstrap.log" >&2; fail "debootstrap (log: $cache/debootstrap.log)"; }
  # The same suites as the host (and as Docker's debian:bookworm-slim): security fixes
  # reach the image's packages.
  {
    echo "deb $mirror bookworm main"
    [ -z "$updates" ] || echo "deb $updates bookworm-updates main"
    [ -z "$security" ] || echo "deb $security bookworm-security main"
  } > "$rootfs/etc/apt/sources.list"
  # Slim like Docker's bookworm-slim: no documentation, manuals or translations (dpkg
  # leaves them out of later installs too), and no package lists or downloaded packages.
  cat > "$rootfs/etc/dpkg/dpkg.cfg.d/docker-slim" << 'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
EOF
  # And Docker's apt settings for images: downloaded packages are deleted once installed
  # (without this, the runtime stage keeps 99 MB of .deb files), no translations.
  cat > "$rootfs/etc/apt/apt.conf.d/docker-clean" << 'EOF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
EOF
  echo 'Acquire::Languages "none";' > "$rootfs/etc/apt/apt.conf.d/docker-no-languages"
  echo 'Acquire::GzipIndexes "true";' > "$rootfs/etc/apt/apt.conf.d/docker-gzip-indexes"
  echo 'Apt::AutoRemove::SuggestsImportant "false";' \
    > "$rootfs/etc/apt/apt.conf.d/docker-autoremove-suggests"
  find "$rootfs/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  rm -rf "$rootfs"/usr/share/{man,groff,info,locale,lintian,linda}/*
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin \
    "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/log/*.log
  tar -C "$rootfs" --numeric-owner -cf "$base_tar.tmp" . \
    || fail "tar of the debootstrap tree"
  mv "$base_tar.tmp" "$base_tar"
  rm -rf "$rootfs"
}

if [ "$(pm image inspect --format '{{index .Labels "declutter.base-recipe"}}' "$base_name" \
  2> /dev/null)" = "$base_recipe" ]; then
  say "base image $base_name: present (recipe $base_recipe)"
else
  [ -f "$base_tar" ] || make_base_tarball
  say "importing $base_tar as $base_name"
  pm import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' --change "LABEL declutter.base-recipe=$base_recipe" \
    "$base_tar" "$base_name" > "$cache/import.log" 2>&1 \
    || { cat "$cache/import.log" >&2; fail "podman import of the base image"; }
fi

# --- 4. The image ----------------------------------------------------------------------
# --pull=never: no registry is reachable; FROM debian:bookworm-slim is the imported image.
# --network=host: the build's apt-get reaches the mirror without a container network.
build_log=$cache/build.log
build_start=$(date +%s)
say "building deploy/Dockerfile as $image (log: $build_log)"
if ! timeout "$build_timeout" podman --root "$cache/storage" --runroot "$runroot" \
  --storage-driver "$storage_driver" build --pull=never --network=host \
  -f deploy/Dockerfile -t "$image" . > "$build_log" 2>&1; then
  tail -n 40 "$build_log" >&2
  fail "podman build of deploy/Dockerfile (log: $build_log)"
fi
build_seconds=$(elapsed_since "$build_start")
image_bytes=$(pm image inspect --format '{{.Size}}' "$image")
say "built in ${build_seconds} s; image size $((image_bytes / 1000000)) MB ($image_bytes bytes)"

# --- 5. The host's CLI -----------------------------------------------------------------
# It calls the container over gRPC and cleans the same page in-process for comparison.
cli=$repo/build/client/declutter
say "building the host's CLI (build/client/declutter)"
BUILD_DIR=build bash scripts/build.sh declutter > "$cache/cli-build.log" 2>&1 \
  || { tail -n 40 "$cache/cli-build.log" >&2; fail "host build of build/client/declutter"; }

# --- 6. Start the container ------------------------------------------------------------
work=$(mktemp -d)
# shellcheck disable=SC2317  # run by the trap
cleanup() {
  local status=$?
  if pm container exists "$container" 2> /dev/null; then
    pm rm -f -t 0 "$container" > /dev/null 2>&1 || echo "image-test: could not remove $container" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Free loopback ports for the host network (the server binds them itself).
read -r grpc_port health_port metrics_port http_port < <("$py" -c '
import socket
socks = [socket.socket() for _ in range(4)]
for s in socks: s.bind(("127.0.0.1", 0))
print(*[s.getsockname()[1] for s in socks])')

# The Deployment's own arguments and flag files (deploy/k8s/base), then this machine's
# ports: later flags win. Only on loopback, with the host's network.
# shellcheck disable=SC2054  # the commas separate --flagfile's files
server_args=(
  --flagfile=/etc/declutter/flags/server.flags,/etc/declutter/flags/environment.flags,/etc/declutter/flags/tls.flags
  --listen="127.0.0.1:$grpc_port"
  --health_listen="127.0.0.1:$health_port"
  --metrics_listen="127.0.0.1:$metrics_port"
  --http_listen="127.0.0.1:$http_port"
)

# --read-only with --read-only-tmpfs=false: nothing writable at all, as the Deployment's
# readOnlyRootFilesystem with no emptyDir (Podman would otherwise mount tmpfs on /tmp,
# /var/tmp and /run). --cap-drop=ALL and no-new-privileges as its securityContext.
say "starting $container as uid 10001 with a read-only root filesystem"
start_ns=$(date +%s%N)
pm run -d --name "$container" --network=host --read-only --read-only-tmpfs=false \
  --cap-drop=ALL --security-opt=no-new-privileges \
  -v "$repo/deploy/k8s/base:/etc/declutter/flags:ro" \
  "$image" "${server_args[@]}" > /dev/null || fail "podman run of $image"
container_started=1

# --- 7. Health over gRPC; the user and the read-only root ---------------------------------
# The server's process on the host (0 once it has ended): the wait stops early if it ends.
server_pid=$(pm inspect --format '{{.State.Pid}}' "$container")
[ "$server_pid" != 0 ] || fail "the container ended at once"
if ! "$py" deploy/wait_for_serving.py --target "127.0.0.1:$grpc_port" \
  --service declutter.v1.Declutter --timeout "$serving_timeout" --started-ns "$start_ns" \
  --pid "$server_pid" > "$work/serving"; then
  fail "grpc.health.v1 on 127.0.0.1:$grpc_port did not say SERVING for declutter.v1.Declutter within ${serving_timeout} s"
fi
serving=$(cat "$work/serving")
say "SERVING (declutter.v1.Declutter on the API port) ${serving} s after podman run"
# The server's first log line echoes its configuration: the ConfigMap's flag files were
# read (server.flags caps pages at 8 MiB; the built-in default is larger).
serving_line=$(pm logs "$container" 2>&1 | grep -m 1 '"event":"serving"' || true)
grep -q '"max_page_bytes":8388608' <<< "$serving_line" \
  || fail "the server's serving line does not show server.flags' --max_page_bytes=8388608: ${serving_line:-no serving line}"
say "server: $serving_line"
user=$(pm inspect --format '{{.Config.User}}' "$container")
[ "$user" = "10001:10001" ] || fail "the container runs as '$user', expected the image's 10001:10001"
uid=$(pm exec "$container" id -u 2>&1 || true)
[ "$uid" = 10001 ] || fail "id -u in the container says '$uid', expected 10001"
[ "$(pm inspect --format '{{.HostConfig.ReadonlyRootfs}}' "$container")" = true ] \
  || fail "the container's root filesystem is not read-only"
# /tmp and /var/tmp are world-writable directories: only a read-only mount stops uid 10001.
for dir in /tmp /var/tmp; do
  if answer=$(pm exec "$container" sh -c ": > $dir/image-test-probe" 2>&1); then
    fail "$dir is writable in the container; expected a read-only root filesystem"
  fi
  grep -q 'Read-only file system' <<< "$answer" \
    || fail "writing to $dir failed, but not for a read-only file system: $answer"
done
say "running as uid $uid with a read-only root filesystem (writing to /tmp fails: Read-only file system)"

"$py" deploy/wait_for_serving.py --target "127.0.0.1:$health_port" --timeout "$call_timeout" \
  > /dev/null || fail "the plaintext health port 127.0.0.1:$health_port is not SERVING"
say "SERVING on the plaintext health port too"

curl -fsS --max-time "$call_timeout" "http://127.0.0.1:$metrics_port/metrics" > "$work/metrics" \
  || fail "GET /metrics on 127.0.0.1:$metrics_port"
grep -q '^declutter_' "$work/metrics" || fail "GET /metrics has no declutter_ metric"
say "GET /metrics: $(grep -c '^declutter_' "$work/metrics") declutter_ samples"

# --- 8. A page over gRPC -----------------------------------------------------------------
page=samples/harbor-news.html
title='Harbor bridge reopens after two-year repair'
timeout "$call_timeout" "$cli" clean --format json "$page" > "$work/in-process.json" \
  || fail "the host CLI could not clean $page in-process"
timeout "$call_timeout" "$cli" clean --server "127.0.0.1:$grpc_port" --format json "$page" \
  > "$work/grpc.json" || fail "declutter clean --server 127.0.0.1:$grpc_port $page"
grep -qF "$title" "$work/grpc.json" || fail "the gRPC answer has no title \"$title\": $(head -c 400 "$work/grpc.json")"
# The answers carry their stage timings; everything else must be the same.
without_timing() {
  "$py" -c 'import json, sys; r = json.load(sys.stdin); r.pop("timings", None)
print(json.dumps(r, indent=1, sort_keys=True))' < "$1"
}
if ! diff <(without_timing "$work/in-process.json") <(without_timing "$work/grpc.json") > "$work/diff"; then
  head -n 20 "$work/diff" >&2
  fail "the container cleaned $page differently from the host's CLI in-process"
fi
say "gRPC: $page cleaned, the same as the host's CLI in-process (title \"$title\")"

# --- 9. The page over HTTP/JSON ----------------------------------------------------------
code=$(curl -sS --max-time "$call_timeout" -o "$work/http.json" -w '%{http_code}' \
  --data-binary "@$page" -H 'Content-Type: text/html' \
  "http://127.0.0.1:$http_port/v1/clean") || fail "curl POST /v1/clean"
[ "$code" = 200 ] || fail "POST /v1/clean answered HTTP $code: $(head -c 400 "$work/http.json")"
# The same answer as over gRPC (proto3 JSON both ways; the CLI also prints fields
# that hold their default value, which proto3 JSON may leave out).
"$py" - "$work/http.json" "$work/grpc.json" << 'EOF' \
  || fail "POST /v1/clean's answer is not the one the gRPC call gave"
import json, sys
# The article and the models' answers; the id and the timings differ by design.
compared = ("article", "pageType", "pageTypeProbability", "extractionConfidence")
http, grpc = ({k: v for k, v in json.load(open(path)).items() if k in compared}
              for path in sys.argv[1:3])
if not http.get("article", {}).get("title") or not http.get("article", {}).get("text"):
    sys.exit(f"no title or text in the HTTP answer's article: {http.get('article')}")
defaults = ("", 0, "0", False, [], {}, None)
def pruned(value):  # without the fields that hold their default value, at any depth
    if isinstance(value, dict):
        return {k: pruned(v) for k, v in value.items() if pruned(v) not in defaults}
    return [pruned(v) for v in value] if isinstance(value, list) else value
http, grpc = pruned(http), pruned(grpc)
differ = sorted(k for k in set(http) | set(grpc) if http.get(k) != grpc.get(k))
if differ:
    sys.exit(f"the answers differ in {differ}")
EOF
say "HTTP/JSON: POST /v1/clean answered 200 with the same article, page type and confidence as gRPC"

# --- 10. SIGTERM -------------------------------------------------------------------------
say "SIGTERM; the container must exit 0 within ${grace_seconds} s ($deployment: $period s of grace, $pause s of preStop pause)"
term_start=$(date +%s%N)
pm kill --signal TERM "$container" > /dev/null || fail "podman kill --signal TERM"
if ! exit_code=$(timeout "$grace_seconds" podman --root "$cache/storage" --runroot "$runroot" \
  --storage-driver "$storage_driver" wait "$container"); then
  fail "the container did not exit within ${grace_seconds} s of SIGTERM"
fi
term_ms=$((($(date +%s%N) - term_start) / 1000000))
[ "$exit_code" = 0 ] || fail "the container exited $exit_code after SIGTERM, expected 0"
say "exited 0, $term_ms ms after SIGTERM"

say "PASSED: image $((image_bytes / 1000000)) MB, SERVING ${serving} s after podman run," \
  "build ${build_seconds} s, total $(elapsed_since "$script_start") s"
exit 0
}
