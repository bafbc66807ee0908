package io.streampulse.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A real RTSP camera on a free 127.0.0.1 port: gst-rtsp-server serving {@code videotestsrc} as H.264
 * (x264enc, tune=zerolatency) on one path, optionally behind Digest or Basic auth and/or TLS (rtsps://).
 * Why: the monitor's RTSP check must meet a real server's CSeq handling, challenges and SDP, not a script
 * that echoes the test's own idea of RTSP.
 *
 * <p>Runs {@code gst_rtsp_camera.py} (copied from the classpath into the work dir) with {@code /usr/bin/python3}:
 * Debian's python, which has {@code gi}; a pyenv or venv python3 on PATH usually has not.
 */
public final class GstRtspCamera extends ExternalPeer {

    static final String PYTHON = "/usr/bin/python3";
    static final String APT_PACKAGES = "gstreamer1.0-rtsp gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-base "
            + "gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly python3-gi python3-gst-1.0";
    private static final String SCRIPT = "gst_rtsp_camera.py";

    /** videotestsrc patterns a test may want: moving (ball), static colour bars (smpte), all black. */
    public enum Pattern { BALL, SMPTE, BLACK }

    /** Authentication the camera demands on DESCRIBE. */
    public enum Auth { NONE, BASIC, DIGEST }

    private final Builder options;
    private final int port;

    private GstRtspCamera(Builder b) {
        super(b.workDir, "testkit-gst-rtsp-");
        GstRequirements.check();
        this.options = b;
        this.port = FreePorts.next();
        Path script = workDir().resolve(SCRIPT);
        launch(() -> {
            copyScript(script);
            return PeerProcess.start("gst-rtsp-camera", command(script), workDir(), port);
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** An open camera: 640x480 moving ball on /cam. */
    public static GstRtspCamera start() {
        return builder().start();
    }

    private List<String> command(Path script) {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString(),
                "--port", Integer.toString(port), "--path", options.path,
                "--pattern", options.pattern.name().toLowerCase(),
                "--width", Integer.toString(options.width), "--height", Integer.toString(options.height),
                "--auth", options.auth.name().toLowerCase()));
        if (options.auth != Auth.NONE) {
            cmd.addAll(List.of("--user", options.username, "--password", options.password));
        }
        if (options.tls != null) {
            cmd.addAll(List.of("--tls-cert", options.tls.serverCert().toAbsolutePath().toString(),
                    "--tls-key", options.tls.serverKey().toAbsolutePath().toString()));
        }
        return cmd;
    }

    private static void copyScript(Path target) {
        try (InputStream in = GstRtspCamera.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the testkit jar");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + SCRIPT + " to " + target, e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** "rtsp://127.0.0.1:PORT/cam" (rtsps:// with TLS), without credentials. */
    public String url() {
        return urlFor(options.path);
    }

    /** The same server with another path, e.g. to provoke a 404. */
    public String urlFor(String path) {
        return (options.tls != null ? "rtsps" : "rtsp") + "://127.0.0.1:" + port + path;
    }

    public int width() {
        return options.width;
    }

    public int height() {
        return options.height;
    }

    @Override
    public String toString() {
        return "gst-rtsp-camera@" + url() + " (auth " + options.auth + ")";
    }

    /** Options for a {@link GstRtspCamera}; {@link #start()} launches it and waits until its port accepts. */
    public static final class Builder {
        private Path workDir;
        private String path = "/cam";
        private Pattern pattern = Pattern.BALL;
        private int width = 640;
        private int height = 480;
        private Auth auth = Auth.NONE;
        private String username = "";
        private String password = "";
        private TestCertificates.Certs tls;

        private Builder() {
        }

        /** Mount path, starting with '/'. */
        public Builder path(String path) {
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/': " + path);
            }
            this.path = path;
            return this;
        }

        public Builder pattern(Pattern pattern) {
            this.pattern = pattern;
            return this;
        }

        /** Picture size; x264 needs even numbers for 4:2:0. */
        public Builder size(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /** Demand Digest (MD5, no qop, as gst-rtsp-server does it) for DESCRIBE. */
        public Builder digestAuth(String username, String password) {
            return auth(Auth.DIGEST, username, password);
        }

        /** Demand Basic for DESCRIBE. */
        public Builder basicAuth(String username, String password) {
            return auth(Auth.BASIC, username, password);
        }

        private Builder auth(Auth auth, String username, String password) {
            this.auth = auth;
            this.username = username;
            this.password = password;
            return this;
        }

        /** Serve rtsps:// with this server certificate ({@link TestCertificates#generate}). */
        public Builder tls(TestCertificates.Certs certs) {
            this.tls = certs;
            return this;
        }

        /** Work dir for the script and its log (kept after close); default a temp dir deleted on close. */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        public GstRtspCamera start() {
            return new GstRtspCamera(this);
        }
    }
}
