#!/usr/bin/env bash
# CPU and RSS of the streamer jar at 1 fps 1080p with 2 RTSP clients (ffmpeg, TCP and UDP), then the time from
# an alarm event at the (fake) bridge to the first red frame decoded by a third client.
# Usage: streamer/bench/measure.sh [seconds]   (build first: mvn -pl streamer -am package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_MEASURE=${1:-60}
WORK=$(mktemp -d)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
API=$(free_port); RTSP=$(free_port); BRIDGE=$(free_port)
printf 'streamer:\n  api_port: %s\n  rtsp_port: %s\n  frame_rate: 1\n  width: 1920\n  height: 1080\n  onvif:\n    discovery: false\n' "$API" "$RTSP" > "$WORK/config.yaml"
python3 streamer/bench/fake_bridge.py "$BRIDGE" 12 & BRIDGE_PID=$!
STREAMPULSE_DATA=$WORK STREAMPULSE_BRIDGE_URL=http://127.0.0.1:$BRIDGE \
  java -Djava.awt.headless=true -Dorg.bytedeco.javacpp.cachedir="$WORK/javacpp" -jar streamer/target/streamer.jar \
  > "$WORK/streamer.log" 2>&1 & JAVA_PID=$!
cleanup() { kill "$JAVA_PID" "$BRIDGE_PID" ${C1:-} ${C2:-} 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
URL=rtsp://127.0.0.1:$RTSP/yolink-dashboard
until curl -sf "http://127.0.0.1:$API/status" >/dev/null; do sleep 0.5; done
sleep 5
ffmpeg -nostdin -v error -rtsp_transport tcp -fpsprobesize 0 -i "$URL" -f null - & C1=$!
ffmpeg -nostdin -v error -rtsp_transport udp -fpsprobesize 0 -i "${URL}_sub" -f null - & C2=$!
sleep 10
TICKS=$(getconf CLK_TCK)
read -r U0 S0 < <(awk '{print $14, $15}' /proc/$JAVA_PID/stat)
sleep "$SECONDS_TO_MEASURE"
read -r U1 S1 < <(awk '{print $14, $15}' /proc/$JAVA_PID/stat)
RSS=$(awk '/VmRSS/ {print $2}' /proc/$JAVA_PID/status)
python3 -c "print(f'CPU {100*(($U1+$S1)-($U0+$S0))/$TICKS/$SECONDS_TO_MEASURE:.1f} % of one core over $SECONDS_TO_MEASURE s, RSS {$RSS/1024:.0f} MB, 2 clients')"
curl -s "http://127.0.0.1:$API/status" | python3 -c 'import json,sys; s=json.load(sys.stdin); print("render", s["render_ms"], "ms, encode (main+sub)", s["encode_ms"], "ms for the last frame; clients", len(s["clients"]))'
# alarm to first red frame at a new client decoding the sub profile
python3 - "$URL" "$BRIDGE" <<'PY'
import subprocess, sys, time, urllib.request
url, bridge = sys.argv[1], sys.argv[2]
W, H = 64, 36
p = subprocess.Popen(["ffmpeg", "-nostdin", "-v", "error", "-flags", "low_delay", "-fpsprobesize", "0", "-rtsp_transport", "tcp",
                      "-i", url + "_sub", "-fps_mode", "passthrough", "-flush_packets", "1", "-vf", f"scale={W}:{H}",
                      "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1"], stdout=subprocess.PIPE)
def red(f):
    px = [(f[i], f[i+1], f[i+2]) for i in range(8*W*3, len(f), 3)]
    return sum(1 for r, g, b in px if r > 150 and g < 90 and b < 90) > 0.7 * len(px)
p.stdout.read(W*H*3)
# one alarm per run: the red screen is held 30 s after the restore, so a second one would already be red
time.sleep(2)
t0 = time.time()
urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{bridge}/alarm", method="POST"))
while not red(p.stdout.read(W*H*3)):
    pass
print(f"alarm event to first red frame at a client: {(time.time() - t0) * 1000:.0f} ms")
p.kill()
PY
