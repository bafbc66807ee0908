package io.streampulse.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Checks once per JVM that {@code /usr/bin/python3} can load GStreamer's RTSP server and the elements the test
 * camera uses. Why: a missing package otherwise shows up as a camera that exits with a Python traceback; this
 * fails with the apt-get command that fixes it.
 */
final class GstRequirements {

    private static final String PROBE = "import gi; gi.require_version('Gst', '1.0'); "
            + "gi.require_version('GstRtspServer', '1.0'); from gi.repository import Gst, GstRtspServer; Gst.init(None); "
            + "missing = [e for e in ('videotestsrc', 'videoconvert', 'x264enc', 'rtph264pay') "
            + "if Gst.ElementFactory.find(e) is None]; print('missing elements: ' + ' '.join(missing)) if missing else None; "
            + "raise SystemExit(1 if missing else 0)";

    private static volatile boolean checked;

    private GstRequirements() {
    }

    static void check() {
        if (checked) {
            return;
        }
        if (!Files.isExecutable(Path.of(GstRtspCamera.PYTHON))) {
            throw missing(GstRtspCamera.PYTHON + " does not exist");
        }
        try {
            Process process = new ProcessBuilder(GstRtspCamera.PYTHON, "-c", PROBE).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                List<String> lines = output.lines().toList();
                throw missing(lines.isEmpty() ? "the gi check failed" : lines.get(lines.size() - 1));
            }
        } catch (IOException e) {
            throw missing("could not run " + GstRtspCamera.PYTHON + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking for GStreamer", e);
        }
        checked = true;
    }

    private static IllegalStateException missing(String reason) {
        return new IllegalStateException("the GStreamer RTSP test camera cannot run (" + reason + "). Install it with: "
                + "apt-get install " + GstRtspCamera.APT_PACKAGES);
    }
}
