#!/usr/bin/env bash
# Builds the real Dockerfile with podman and checks what a user of `docker compose up -d` gets: the container
# becomes healthy, the default config.yaml and a 0600 secret.key appear in the host volume, and a restart keeps
# the data. No Docker engine is needed; see ../../../shared/reference/containers-here.md for why each flag.
# Slow (minutes: debootstrap, apt and Maven inside the build), so it is its own command, not part of mvn verify.
#   tests/container/run-container-test.sh            (as root; installs podman, runc, debootstrap if missing)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
image="${STREAMPULSE_TEST_IMAGE:-localhost/streampulse:test}"
work="$(mktemp -d)"
name="streampulse-test-$$"
passed=0 failed=0
check() { if eval "$2"; then echo "PASS $1"; passed=$((passed + 1)); else echo "FAIL $1"; failed=$((failed + 1)); fi; }
cleanup() {
  podman rm -f "$name" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v podman >/dev/null || ! command -v debootstrap >/dev/null || ! command -v runc >/dev/null; then
  [ "$(id -u)" = 0 ] || { echo "run as root, or: sudo apt-get install -y podman runc debootstrap"; exit 2; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap >/dev/null
fi
# podman's default rlimits and crun do not work in this sandbox.
printf '[containers]\ndefault_ulimits = []\n' > "$work/containers.conf"
export CONTAINERS_CONF="$work/containers.conf"
run_podman() { podman --runtime runc --cgroup-manager=cgroupfs "$@"; }

# The base image from Debian's own mirror, tagged under the name the Dockerfile uses.
if ! podman image exists docker.io/library/debian:bookworm-slim; then
  SECONDS=0
  debootstrap --variant=minbase bookworm "$work/rootfs" http://deb.debian.org/debian >/dev/null
  tar -C "$work/rootfs" -c . | podman import - docker.io/library/debian:bookworm-slim >/dev/null
  rm -rf "$work/rootfs"
  echo "base image in ${SECONDS}s"
fi

# Maven inside the build trusts what this machine's Java trusts (a TLS-intercepting proxy's CA, say).
trust=()
if [ -f /etc/ssl/certs/java/cacerts ]; then
  trust=(--volume /etc/ssl/certs/java/cacerts:/run/host-cacerts:ro
         --build-arg "MAVEN_OPTS=-Djavax.net.ssl.trustStore=/run/host-cacerts")
fi
SECONDS=0
podman build --format docker --isolation chroot --network host "${trust[@]}" -t "$image" "$root" > "$work/build.log" 2>&1 \
  || { tail -40 "$work/build.log"; exit 1; }
echo "image built in ${SECONDS}s ($(podman image inspect "$image" --format '{{.Size}}' | awk '{printf "%d MB", $1/1e6}'))"

# Free ports, passed in, because --network host shares the machine's.
port() { local p; while :; do p=$((20000 + RANDOM % 40000)); (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; }
declare -A P=([MONITOR]="$(port)" [WEBGUI]="$(port)" [PUBLISHER]="$(port)" [BRIDGE]="$(port)" [REDIS]="$(port)")
api="$(port)"
data="$work/data"
mkdir -p "$data"
start() {
  run_podman run -d --name "$name" --network host -v "$data:/host" \
    -e STREAMPULSE_MONITOR_PORT="${P[MONITOR]}" -e STREAMPULSE_WEBGUI_PORT="${P[WEBGUI]}" \
    -e STREAMPULSE_PUBLISHER_PORT="${P[PUBLISHER]}" -e STREAMPULSE_BRIDGE_PORT="${P[BRIDGE]}" \
    -e STREAMPULSE_REDIS_PORT="${P[REDIS]}" -e RTSP_API_PORT="$api" -e RTSP_PORT="$(port)" "$image" >/dev/null
}
healthy() {
  local deadline=$((SECONDS + 120))
  until run_podman exec "$name" /app/bin/healthcheck >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || return 1
    sleep 1
  done
}

check "image declares the HEALTHCHECK" '[ -n "$(podman image inspect "$image" --format "{{.HealthCheck}}{{.Config.Healthcheck}}" 2>/dev/null | tr -d "<>nil[]{} ")" ]'

SECONDS=0
start
check "container healthy (all five /health answer)" healthy
echo "  healthy after ${SECONDS}s"
check "default config.yaml copied into the volume" '[ -s "$data/config.yaml" ] && cmp -s "$data/config.yaml" "$root/config.yaml"'
check "secret.key created with mode 600" '[ "$(stat -c %a "$data/secret.key")" = 600 ]'
check "services run as the non-root user (uid 10001 owns their logs)" '[ "$(stat -c %u "$data/logs/monitor.log")" = 10001 ]'
key_before="$(cat "$data/secret.key")"
echo "# kept across restarts" >> "$data/config.yaml"

SECONDS=0
run_podman restart -t 20 "$name" >/dev/null
check "healthy again after a restart" healthy
echo "  healthy after ${SECONDS}s"
check "config.yaml edits survive the restart" 'grep -q "kept across restarts" "$data/config.yaml"'
check "secret.key unchanged by the restart" '[ "$(cat "$data/secret.key")" = "$key_before" ]'
check "health check command passes" 'run_podman exec "$name" /app/bin/healthcheck'

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
