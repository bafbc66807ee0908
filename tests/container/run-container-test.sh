#!/usr/bin/env bash
# Builds the real Dockerfile with podman and checks what a user of `docker compose up -d` gets: the container
# becomes healthy, the default config.yaml and a 0600 secret.key appear in the host volume, the services run as
# the non-root user, a restart (and a new container on the same volume) keeps the data, the image's HEALTHCHECK
# passes, and `stop` is clean. No Docker engine is needed: see README.md beside this file for why each flag.
# Slow (minutes: debootstrap, apt and Maven inside the build), so it is its own command, not part of CI.
#
#   sudo tests/container/run-container-test.sh
#
# Environment (all optional):
#   STREAMPULSE_TEST_IMAGE        image to build and run            (localhost/streampulse:test)
#   STREAMPULSE_TEST_BASE         name given to a debootstrapped base (localhost/debian:bookworm-slim)
#   STREAMPULSE_TEST_FRESH_BASE=1 debootstrap the base even if debian:bookworm-slim exists locally
#   STREAMPULSE_TEST_NO_CACHE=1   podman build --no-cache (measures a cold build)
#   STREAMPULSE_TEST_SKIP_BUILD=1 run the existing STREAMPULSE_TEST_IMAGE without building
#   STREAMPULSE_TEST_TRUSTSTORE   Java trust store handed to Maven in the build (/etc/ssl/certs/java/cacerts)
#   STREAMPULSE_TEST_HEALTH_TIMEOUT  seconds to wait for all five /health (180)
#   STREAMPULSE_TEST_LOG_DIR      keep the build log and the container's logs there
#   DEBIAN_MIRROR                 for debootstrap (http://deb.debian.org/debian)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
image="${STREAMPULSE_TEST_IMAGE:-localhost/streampulse:test}"
base="${STREAMPULSE_TEST_BASE:-localhost/debian:bookworm-slim}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
truststore="${STREAMPULSE_TEST_TRUSTSTORE:-/etc/ssl/certs/java/cacerts}"
health_timeout="${STREAMPULSE_TEST_HEALTH_TIMEOUT:-180}"
work="$(mktemp -d "${TMPDIR:-/tmp}/streampulse-ctest.XXXXXX")"
data="$work/data"
name="streampulse-ctest-$$"
passed=0 failed=0
declare -A T=()   # measured seconds

say() { printf '%s\n' "$*"; }
pass() { say "PASS $1"; passed=$((passed + 1)); }
fail() { say "FAIL $1${2:+: $2}"; failed=$((failed + 1)); }
# check NAME COMMAND...: PASS when the command succeeds.
check() { local n="$1"; shift; if "$@"; then pass "$n"; else fail "$n"; fi; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# podman's default rlimits and its default runtime (crun) do not work in every sandbox; runc with cgroupfs does.
pm() { podman --runtime runc --cgroup-manager=cgroupfs "$@"; }

save_logs() {
  [ -n "${STREAMPULSE_TEST_LOG_DIR:-}" ] || return 0
  mkdir -p "$STREAMPULSE_TEST_LOG_DIR"
  cp -f "$work"/*.log "$STREAMPULSE_TEST_LOG_DIR"/ 2>/dev/null || true
  [ -d "$data/logs" ] && cp -rf "$data/logs" "$STREAMPULSE_TEST_LOG_DIR/container-logs" 2>/dev/null || true
  return 0
}
cleanup() {
  local rc=$?
  pm rm -f -t 5 "$name" >/dev/null 2>&1 || true
  save_logs
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Prints the tail of every service log and the container output (after a failure).
dump() {
  say "---- podman (tail) ----"
  tail -n 10 "$work/podman.log" 2>/dev/null || true
  say "---- container output (podman logs) ----"
  pm logs --tail 30 "$name" 2>&1 || true
  for f in "$data"/logs/*.log; do
    [ -f "$f" ] || continue
    say "---- ${f#"$data/"} (tail) ----"
    tail -n 25 "$f"
  done
}
finish() {
  say ""
  say "times: ${T[base]:+base image ${T[base]}s, }${T[build]:+build ${T[build]}s, }start to healthy ${T[start]:-?}s, stop ${T[stop]:-?}s, restart to healthy ${T[restart]:-?}s, new container on the same volume to healthy ${T[recreate]:-?}s"
  [ -n "${T[size]:-}" ] && say "image: $image, ${T[size]}"
  say "$passed passed, $failed failed"
  [ "$failed" = 0 ]
}

# ---- tools ---------------------------------------------------------------------------------------------------
missing=()
for tool in podman runc debootstrap curl; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { say "run as root, or first: sudo apt-get install -y podman runc debootstrap curl"; exit 2; }
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq podman runc debootstrap curl >/dev/null
fi
[ "$(id -u)" = 0 ] || { say "run as root (podman build --isolation chroot and debootstrap need it)"; exit 2; }

printf '[containers]\ndefault_ulimits = []\n' > "$work/containers.conf"
export CONTAINERS_CONF="$work/containers.conf"

# ---- base image ----------------------------------------------------------------------------------------------
# `FROM debian:bookworm-slim` is a short name. Podman resolves it in local storage first: through the alias in
# /etc/containers/registries.conf.d/shortnames.conf ("debian" = "docker.io/library/debian"), then under
# localhost/; it pulls only when neither exists. Where no registry is reachable we make the base from Debian's own
# mirror and import it as localhost/debian:bookworm-slim: the Dockerfile stays unchanged, no registries.conf
# change is needed, and an image pulled from Docker Hub, when present, is used as is. (With
# STREAMPULSE_TEST_FRESH_BASE=1 the fresh base is also tagged docker.io/library/debian:bookworm-slim, since that
# name, when present, wins.)
if [ -n "${STREAMPULSE_TEST_FRESH_BASE:-}" ] || ! podman image exists debian:bookworm-slim; then
  say "making $base with debootstrap --variant=minbase bookworm ($mirror)"
  t0="$(now)"
  debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log"; fail "base image (debootstrap)"; finish; exit 1; }
  # What makes Docker Hub's image "slim" and clean (its /etc/apt/apt.conf.d/docker-clean and
  # /etc/dpkg/dpkg.cfg.d/docker): no .deb files or package lists kept, no docs, man pages or locales.
  r="$work/rootfs"
  cat > "$r/etc/apt/apt.conf.d/docker-clean" <<'CONF'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";
CONF
  printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
    'path-exclude /usr/share/man/*' 'path-exclude /usr/share/groff/*' 'path-exclude /usr/share/info/*' \
    'path-exclude /usr/share/lintian/*' 'path-exclude /usr/share/linda/*' 'path-exclude /usr/share/locale/*' \
    > "$r/etc/dpkg/dpkg.cfg.d/docker"
  rm -rf "$r/var/cache/apt/archives/"*.deb "$r/var/cache/apt/"*.bin "$r/var/lib/apt/lists/"* \
         "$r/usr/share/man/"* "$r/usr/share/info/"* "$r/usr/share/locale/"* "$r/usr/share/lintian/"*
  find "$r/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  tar -C "$work/rootfs" -c . \
    | podman import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
                    --change 'CMD ["bash"]' - "$base" >/dev/null 2>>"$work/podman.log" \
    || { tail -5 "$work/podman.log"; fail "base image (podman import)"; finish; exit 1; }
  rm -rf "$work/rootfs"
  if [ -n "${STREAMPULSE_TEST_FRESH_BASE:-}" ] && podman image exists docker.io/library/debian:bookworm-slim; then
    podman tag "$base" docker.io/library/debian:bookworm-slim
  fi
  T[base]="$(since "$t0")"
  say "base image $base in ${T[base]}s"
fi
resolved="$(podman image inspect debian:bookworm-slim --format '{{.Id}}' 2>/dev/null | cut -c1-12)"
say "FROM debian:bookworm-slim resolves to image ${resolved:-(none: podman build will try to pull it)}"

# ---- build ---------------------------------------------------------------------------------------------------
# --format docker: the OCI format has no HEALTHCHECK, podman would drop it. --isolation chroot: RUN steps
# without cgroups. --network host: apt and Maven reach the network as this machine does.
if [ -z "${STREAMPULSE_TEST_SKIP_BUILD:-}" ]; then
  args=(--format docker --isolation chroot --network host -t "$image" -f "$root/Dockerfile")
  [ -n "${STREAMPULSE_TEST_NO_CACHE:-}" ] && args+=(--no-cache)
  # Maven inside the build trusts what this machine's Java trusts (e.g. a TLS-intercepting proxy's CA).
  if [ -s "$truststore" ]; then
    args+=(--volume "$truststore:/run/host-cacerts:ro"
           --build-arg "MAVEN_OPTS=-Djavax.net.ssl.trustStore=/run/host-cacerts")
  fi
  say "building $image (podman build ${args[*]} $root)"
  t0="$(now)"
  if podman build "${args[@]}" "$root" 2>&1 \
       | while IFS= read -r line; do printf '%(%H:%M:%S)T %s\n' -1 "$line"; done > "$work/build.log"; then
    T[build]="$(since "$t0")"
    pass "image builds (${T[build]}s)"
  else
    tail -60 "$work/build.log"
    fail "image builds"
    finish; exit 1
  fi
fi
podman image exists "$image" || { fail "image $image exists"; finish; exit 1; }
T[size]="$(podman image inspect "$image" --format '{{.Size}}' | awk '{ printf "%d MB", $1 / 1e6 }')"
hc="$(podman image inspect "$image" --format '{{json .Config.Healthcheck}}' 2>/dev/null || true)"
check "image declares HEALTHCHECK /app/bin/healthcheck" grep -q '/app/bin/healthcheck' <<<"$hc"
check "image runs /app/entrypoint.sh" \
  grep -q '/app/entrypoint.sh' <<<"$(podman image inspect "$image" --format '{{json .Config.Entrypoint}}')"

# ---- ports ---------------------------------------------------------------------------------------------------
# The container shares this machine's network (--network host), so every port is one nobody listens on here,
# passed in through the same variables a user would set.
declare -A taken=()
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    [ -z "${taken[$p]:-}" ] || continue
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && continue
    taken[$p]=1; echo "$p"; return
  done
}
declare -A port=()
for s in monitor webgui publisher bridge streamer redis rtsp; do port[$s]="$(free_port)"; done
env_args=(-e "STREAMPULSE_MONITOR_PORT=${port[monitor]}" -e "STREAMPULSE_WEBGUI_PORT=${port[webgui]}"
          -e "STREAMPULSE_PUBLISHER_PORT=${port[publisher]}" -e "STREAMPULSE_BRIDGE_PORT=${port[bridge]}"
          -e "STREAMPULSE_REDIS_PORT=${port[redis]}" -e "RTSP_API_PORT=${port[streamer]}"
          -e "RTSP_PORT=${port[rtsp]}")
say "ports: monitor ${port[monitor]}, webgui ${port[webgui]}, publisher ${port[publisher]}, bridge ${port[bridge]}, streamer ${port[streamer]} (RTSP ${port[rtsp]}), redis ${port[redis]}"

# ---- helpers on the running container -----------------------------------------------------------------------
running() { [ "$(pm inspect --format '{{.State.Running}}' "$name" 2>/dev/null)" = true ]; }
# every service's PATH ($1: health or metrics) answers 200 now
all_200() {
  local s code
  for s in monitor webgui publisher bridge streamer; do
    code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:${port[$s]}/$1" || true)"
    [ "$code" = 200 ] || { last_bad="$s /$1: ${code:-000}"; return 1; }
  done
}
# Polls (bounded) until all five /health answer 200; the seconds since $1 go to T[$2].
wait_healthy() {
  local t0="$1" key="$2" deadline=$((SECONDS + health_timeout))
  last_bad=""
  until all_200 health; do
    if ! running; then say "  container exited: $(pm inspect --format '{{.State.ExitCode}}' "$name" 2>&1)"; dump; return 1; fi
    if [ $SECONDS -ge $deadline ]; then say "  still not healthy after ${health_timeout}s ($last_bad)"; dump; return 1; fi
    sleep 0.5
  done
  T[$key]="$(since "$t0")"
  say "  all five /health answer 200 after ${T[$key]}s"
}
# podman's stderr goes to a log: without systemd it complains that it cannot add the health check timer, which
# does not matter here (the check itself runs, see healthcheck_passes).
start_container() {
  pm run -d --name "$name" --network host -v "$data:/host" "${env_args[@]}" "$image" >/dev/null 2>>"$work/podman.log"
}
ctr() { timeout 60 podman --runtime runc --cgroup-manager=cgroupfs exec "$name" "$@"; }
sha() { sha256sum "$1" 2>/dev/null | cut -d' ' -f1; }
# The image's HEALTHCHECK, as the engine runs it; `podman healthcheck run` exits 0 healthy, 1 unhealthy, 125 when
# it cannot run here (then the same command through podman exec).
healthcheck_passes() {
  local out rc=0
  out="$(timeout 60 podman --runtime runc --cgroup-manager=cgroupfs healthcheck run "$name" 2>&1)" || rc=$?
  case "$rc" in
    0) return 0 ;;
    1) say "  podman healthcheck run: unhealthy ($out)"; ctr /app/bin/healthcheck; return 1 ;;
    *) say "  podman healthcheck run unavailable (rc $rc: ${out:0:160}); running it with podman exec"
       ctr /app/bin/healthcheck ;;
  esac
}
# Stops within the grace period with supervisord's own exit (0), not the engine's SIGKILL (137).
stop_cleanly() {
  local t0 code secs
  t0="$(now)"
  timeout 60 podman --runtime runc --cgroup-manager=cgroupfs stop -t 20 "$name" >/dev/null 2>>"$work/podman.log" \
    || return 1
  secs="$(since "$t0")"
  T[stop]="${T[stop]:-$secs}"   # the first stop is the one reported
  code="$(pm inspect --format '{{.State.ExitCode}}' "$name")"
  say "  stopped in ${secs}s, exit code $code"
  [ "$code" = 0 ]
}

# ---- first start ---------------------------------------------------------------------------------------------
mkdir -p "$data"
t0="$(now)"
start_container
if wait_healthy "$t0" start; then pass "first start: all five /health answer 200"; else fail "first start: all five /health answer 200"; finish; exit 1; fi
check "all five /metrics answer 200" all_200 metrics
check "default config.yaml created in the volume (same as /app/config.yaml)" \
  cmp -s "$data/config.yaml" <(ctr cat /app/config.yaml)
check "secret.key created, not empty, mode 600, owned by uid 10001" \
  test -s "$data/secret.key" -a "$(stat -c '%a %u' "$data/secret.key" 2>/dev/null)" = "600 10001"
check "supervisord (PID 1) runs as streampulse (uid 10001), not root" test "$(ctr stat -c %u /proc/1)" = 10001
check "service logs on the volume are written by uid 10001" test "$(stat -c %u "$data/logs/monitor.log" 2>/dev/null)" = 10001
check "redis keeps its data on the volume" test -d "$data/redis"
check "Java trust store present (HTTPS to YoLink)" ctr test -s /etc/ssl/certs/java/cacerts
check "HEALTHCHECK command passes" healthcheck_passes

# A user's edit and a file of their own; both must survive.
printf '# container-test marker %s\n' "$$-$RANDOM" >> "$data/config.yaml"
echo "kept" > "$data/marker.txt"
config_sha="$(sha "$data/config.yaml")" key_sha="$(sha "$data/secret.key")"

# ---- restart (stop + start of the same container) -------------------------------------------------------------
check "stops cleanly within the 20 s grace period (exit 0)" stop_cleanly
t0="$(now)"
pm start "$name" >/dev/null 2>>"$work/podman.log"
if wait_healthy "$t0" restart; then pass "after a restart: all five /health answer 200"; else fail "after a restart: all five /health answer 200"; fi
check "config.yaml kept across the restart (with the edit)" test "$(sha "$data/config.yaml")" = "$config_sha"
check "secret.key unchanged by the restart" test "$(sha "$data/secret.key")" = "$key_sha"
check "the user's own file kept" grep -qx kept "$data/marker.txt"
check "HEALTHCHECK command passes after the restart" healthcheck_passes

# ---- a new container on the same volume (docker compose down && up -d, or an image upgrade) -------------------
pm rm -f -t 20 "$name" >/dev/null 2>>"$work/podman.log"
t0="$(now)"
start_container
if wait_healthy "$t0" recreate; then pass "new container on the same volume: all five /health answer 200"; else fail "new container on the same volume: all five /health answer 200"; fi
check "config.yaml and secret.key kept by a new container" \
  test "$(sha "$data/config.yaml")$(sha "$data/secret.key")" = "$config_sha$key_sha"

# ---- stop and remove -----------------------------------------------------------------------------------------
check "stops cleanly again (exit 0)" stop_cleanly
pm rm "$name" >/dev/null 2>>"$work/podman.log" && pass "container removed" || fail "container removed"

finish
