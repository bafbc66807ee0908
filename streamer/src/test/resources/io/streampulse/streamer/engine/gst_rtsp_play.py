"""GStreamer's rtspsrc as an RTSP client: plays URL over TCP, decodes with openh264dec, prints the decoded size of
the first picture, exits 0 once FRAMES pictures were decoded (1 on an error or after 20 s).
Usage: /usr/bin/python3 gst_rtsp_play.py URL FRAMES"""
import sys

import gi

gi.require_version("Gst", "1.0")
from gi.repository import GLib, Gst  # noqa: E402

Gst.init(None)
url, wanted = sys.argv[1], int(sys.argv[2])
pipeline = Gst.parse_launch(
    f"rtspsrc location={url} protocols=tcp latency=0 ! rtph264depay ! h264parse ! openh264dec ! videoconvert"
    " ! video/x-raw,format=RGB ! fakesink name=sink signal-handoffs=true sync=false")
loop = GLib.MainLoop()
decoded = 0


def on_picture(sink, buffer, pad):
    global decoded
    decoded += 1
    if decoded == 1:
        caps = pad.get_current_caps().get_structure(0)
        print(f"{caps.get_value('width')}x{caps.get_value('height')}", flush=True)
    if decoded >= wanted:
        GLib.idle_add(loop.quit)


def on_message(bus, message):
    if message.type == Gst.MessageType.ERROR:
        print("error:", message.parse_error()[0].message, flush=True)
        loop.quit()


pipeline.get_by_name("sink").connect("handoff", on_picture)
bus = pipeline.get_bus()
bus.add_signal_watch()
bus.connect("message", on_message)
pipeline.set_state(Gst.State.PLAYING)
GLib.timeout_add_seconds(20, loop.quit)
loop.run()
pipeline.set_state(Gst.State.NULL)
print("decoded", decoded, flush=True)
sys.exit(0 if decoded >= wanted else 1)
