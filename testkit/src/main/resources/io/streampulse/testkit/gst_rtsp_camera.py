"""A test camera for StreamPulse: gst-rtsp-server serving videotestsrc as H.264 on one path.

Run by io.streampulse.testkit.GstRtspCamera with /usr/bin/python3 (Debian's python, which has gi).
Auth (optional): --auth basic|digest with --user/--password; --tls-cert/--tls-key make it RTSPS.
"""
import argparse
import signal
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtsp", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import Gio, GLib, Gst, GstRtsp, GstRtspServer  # noqa: E402


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--path", default="/cam")
    p.add_argument("--pattern", default="ball", help="videotestsrc pattern: ball, smpte, black, ...")
    p.add_argument("--width", type=int, default=640)
    p.add_argument("--height", type=int, default=480)
    p.add_argument("--fps", type=int, default=10)
    p.add_argument("--auth", choices=["none", "basic", "digest"], default="none")
    p.add_argument("--user", default="")
    p.add_argument("--password", default="")
    p.add_argument("--tls-cert")
    p.add_argument("--tls-key")
    return p.parse_args()


def launch_line(a):
    # key-int-max small: a client that starts reading gets a keyframe quickly
    return ("( videotestsrc is-live=true pattern=%s ! video/x-raw,width=%d,height=%d,framerate=%d/1 "
            "! videoconvert ! x264enc tune=zerolatency speed-preset=ultrafast key-int-max=%d "
            "! rtph264pay name=pay0 pt=96 config-interval=1 )" % (a.pattern, a.width, a.height, a.fps, a.fps))


def add_auth(server, factory, a):
    auth = GstRtspServer.RTSPAuth()
    if a.tls_cert:
        auth.set_tls_certificate(Gio.TlsCertificate.new_from_files(a.tls_cert, a.tls_key))
    token = GstRtspServer.RTSPToken()
    token.set_string(GstRtspServer.RTSP_TOKEN_MEDIA_FACTORY_ROLE, "user")
    factory.add_role_from_structure(Gst.Structure.new_from_string(
        "user, media.factory.access=(boolean)true, media.factory.construct=(boolean)true"))
    # one method only: set_supported_methods takes a GstRTSPAuthMethod enum, and PyGObject refuses the
    # or-ed value BASIC|DIGEST (3) as "invalid enum value"
    if a.auth == "basic":
        auth.add_basic(GstRtspServer.RTSPAuth.make_basic(a.user, a.password), token)
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.BASIC)
    elif a.auth == "digest":
        auth.add_digest(a.user, a.password, token)
        auth.set_supported_methods(GstRtsp.RTSPAuthMethod.DIGEST)
    else:
        auth.set_default_token(token)  # TLS only: anonymous clients may watch
    server.set_auth(auth)


def main():
    a = parse_args()
    Gst.init(None)
    server = GstRtspServer.RTSPServer()
    server.set_address("127.0.0.1")
    server.set_service(str(a.port))
    factory = GstRtspServer.RTSPMediaFactory()
    factory.set_launch(launch_line(a))
    factory.set_shared(True)
    if a.auth != "none" or a.tls_cert:
        add_auth(server, factory, a)
    server.get_mount_points().add_factory(a.path, factory)
    if server.attach(None) == 0:
        sys.exit("could not listen on 127.0.0.1:%d" % a.port)
    loop = GLib.MainLoop()
    GLib.unix_signal_add(GLib.PRIORITY_DEFAULT, signal.SIGTERM, loop.quit)
    print("serving rtsp%s://127.0.0.1:%d%s (auth %s)" % ("s" if a.tls_cert else "", a.port, a.path, a.auth),
          flush=True)
    loop.run()


if __name__ == "__main__":
    main()
