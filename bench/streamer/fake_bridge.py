#!/usr/bin/env python3
"""A stand-in for the bridge's device API (GET /api/devices, SSE /api/devices/events) with N quiet sensors.
POST /alarm opens sensor d0 (sends a `device` event); POST /restore closes it."""
import json, sys, threading
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler

N = int(sys.argv[2]) if len(sys.argv) > 2 else 12
def device(i, open_=False):
    return {"device_id": f"d{i}", "name": f"Sensor {i}", "type": "DoorSensor", "kind": "DOOR",
            "state": "open" if open_ else "closed", "active": ["OPEN"] if open_ else [], "battery_percent": 75,
            "signal_dbm": -80, "temperature_c": None, "humidity_percent": None,
            "last_seen_millis": 1790000000000, "online": True, "attributes": {}}
devices = [device(i) for i in range(N)]
followers = []

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def do_GET(self):
        if self.path == "/api/devices":
            body = json.dumps(devices).encode()
            self.send_response(200); self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
        elif self.path == "/api/devices/events":
            self.send_response(200); self.send_header("Content-Type", "text/event-stream"); self.end_headers()
            # as the bridge: one snapshot event per device on every connection
            for d in devices:
                self.wfile.write(b"event: snapshot\ndata: " + json.dumps(d).encode() + b"\n\n")
            self.wfile.flush()
            done = threading.Event(); followers.append((self.wfile, done)); done.wait()
        else:
            self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers()
    def do_POST(self):
        devices[0] = device(0, self.path == "/alarm")
        for out, done in list(followers):
            try:
                out.write(b"event: device\ndata: " + json.dumps(devices[0]).encode() + b"\n\n"); out.flush()
            except OSError:
                followers.remove((out, done)); done.set()
        self.send_response(204); self.send_header("Content-Length", "0"); self.end_headers()

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
