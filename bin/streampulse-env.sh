# Sourced by entrypoint.sh, the streampulse command and the benchmarks: every path and port the suite uses,
# each taken from the environment when set, else the container's default. supervisord.conf reads them as
# %(ENV_...)s, so all of them are exported.
_sp_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

export STREAMPULSE_DATA="${STREAMPULSE_DATA:-/host}"
export STREAMPULSE_CONFIG="${STREAMPULSE_CONFIG:-$STREAMPULSE_DATA/config.yaml}"
export STREAMPULSE_LIB="${STREAMPULSE_LIB:-$_sp_root/lib}"
export STREAMPULSE_DEFAULT_CONFIG="${STREAMPULSE_DEFAULT_CONFIG:-$_sp_root/config.yaml}"
export STREAMPULSE_SUPERVISORD_CONF="${STREAMPULSE_SUPERVISORD_CONF:-$_sp_root/supervisord.conf}"
export STREAMPULSE_LOG_DIR="${STREAMPULSE_LOG_DIR:-$STREAMPULSE_DATA/logs}"
export STREAMPULSE_RUN_DIR="${STREAMPULSE_RUN_DIR:-$STREAMPULSE_DATA/run}"

export STREAMPULSE_MONITOR_PORT="${STREAMPULSE_MONITOR_PORT:-7000}"
export STREAMPULSE_WEBGUI_PORT="${STREAMPULSE_WEBGUI_PORT:-8000}"
export STREAMPULSE_PUBLISHER_PORT="${STREAMPULSE_PUBLISHER_PORT:-7100}"
export STREAMPULSE_BRIDGE_PORT="${STREAMPULSE_BRIDGE_PORT:-7200}"
export STREAMPULSE_REDIS_PORT="${STREAMPULSE_REDIS_PORT:-6379}"
export STREAMPULSE_REDIS_BIN="${STREAMPULSE_REDIS_BIN:-redis-server}"

# JVM flags tuned for five small services on one box (bench/startup measures them): serial GC and C1 only
# start fast and stay small; heaps are capped per service.
export STREAMPULSE_JAVA="${STREAMPULSE_JAVA:-java}"
# A small initial heap that grows on demand (and gives memory back) keeps idle RSS low. TrimNativeHeapInterval:
# every 5 s the JVM hands freed malloc memory back to the system (the JIT's arenas, the streamer's encoder
# buffers); with at most two glibc arenas per process there is less of it to hand back. Together they took
# 30 MB off the five at idle (bench/startup, 630 -> 600 MB; the webgui 15 MB of it). TrimNativeHeapInterval needs
# OpenJDK 17.0.9 or newer (bookworm and the image have 17.0.15).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
export STREAMPULSE_JAVA_OPTS="${STREAMPULSE_JAVA_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -Xss512k -Xms16m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:TrimNativeHeapInterval=5000 -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=96m -XX:+ExitOnOutOfMemoryError -Dorg.bytedeco.javacpp.cachedir=$STREAMPULSE_DATA/cache/javacpp}"
export STREAMPULSE_MONITOR_OPTS="${STREAMPULSE_MONITOR_OPTS:--Xmx96m}"
# The webgui also gets the optimizing JIT back: the dashboard (a page of 100 streams and every sensor) is hot
# template code; without C2 the page reaches Chromium at p50 156 ms instead of 70-109 ms (bench/webgui, 1,000
# streams, 200 sensors). It costs little while the UI is idle.
export STREAMPULSE_WEBGUI_OPTS="${STREAMPULSE_WEBGUI_OPTS:--Xmx96m -XX:TieredStopAtLevel=4 -XX:CICompilerCount=2}"
export STREAMPULSE_PUBLISHER_OPTS="${STREAMPULSE_PUBLISHER_OPTS:--Xmx64m}"
# The bridge starts with its whole heap: grown from 16 MB under an alarm burst, every step of growth was a full GC
# (55-200 ms, each one a backlog on every receiver lane; bench/bridge SIA alone at 1,000/s: p50 111 -> 15 ms).
export STREAMPULSE_BRIDGE_OPTS="${STREAMPULSE_BRIDGE_OPTS:--Xmx64m -Xms64m}"
export STREAMPULSE_STREAMER_OPTS="${STREAMPULSE_STREAMER_OPTS:--Xmx128m}"
# Class-data-sharing archives made by bin/cds-archive, when present next to the jars.
for _sp_service in monitor webgui publisher bridge streamer; do
  _sp_var="STREAMPULSE_${_sp_service^^}_OPTS"
  if [ -f "$STREAMPULSE_LIB/$_sp_service.jsa" ] && [[ "${!_sp_var}" != *SharedArchiveFile* ]]; then
    export "$_sp_var=${!_sp_var} -XX:SharedArchiveFile=$STREAMPULSE_LIB/$_sp_service.jsa"
  fi
done
unset _sp_root _sp_service _sp_var
