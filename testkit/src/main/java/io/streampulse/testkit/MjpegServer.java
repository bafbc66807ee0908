package io.streampulse.testkit;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A camera's web server on 127.0.0.1, for tests of the HTTP/MJPEG and frame checks. It serves real JPEG
 * pictures made by the ffmpeg CLI at start ({@code apt-get install ffmpeg}), over HTTP and, on another port, over
 * HTTPS with a self-signed certificate (like a camera's factory certificate).
 *
 * <table>
 *   <tr><td>/moving.mjpg</td><td>multipart/x-mixed-replace, 10 fps, endless, 50 different 320x240 testsrc
 *       pictures; each connection starts on another picture</td></tr>
 *   <tr><td>/frozen.mjpg</td><td>the same, always one picture</td></tr>
 *   <tr><td>/black.mjpg</td><td>the same, an all-black picture</td></tr>
 *   <tr><td>/snapshot.jpg</td><td>one image/jpeg picture</td></tr>
 *   <tr><td>/page.html</td><td>200 text/html (a camera's login page)</td></tr>
 *   <tr><td>/truncated.mjpg</td><td>stream headers, half a picture, then nothing</td></tr>
 *   <tr><td>/redirect</td><td>302 to /moving.mjpg</td></tr>
 *   <tr><td>/redirect-elsewhere</td><td>302 to http://localhost:&lt;port&gt;/auth.mjpg (another origin)</td></tr>
 *   <tr><td>/auth.mjpg</td><td>401 unless Basic {@link #USER}:{@link #PASSWORD}, then /moving.mjpg</td></tr>
 *   <tr><td>/stall</td><td>accepts the request and never answers</td></tr>
 *   <tr><td>anything else</td><td>404</td></tr>
 * </table>
 *
 * Streams run until the client disconnects or {@link #close()}; {@link #openStreams()} counts the running ones.
 */
public final class MjpegServer implements AutoCloseable {

    public static final String USER = "viewer";
    public static final String PASSWORD = "s3cret:pass";
    public static final int WIDTH = MjpegFrames.WIDTH;
    public static final int HEIGHT = MjpegFrames.HEIGHT;

    private final Path workDir = TempDirs.create("testkit-mjpeg-");
    private final CountDownLatch closed = new CountDownLatch(1);
    private final ExecutorService handlers = Executors.newCachedThreadPool(daemon());
    private final MjpegRoutes routes;
    private final HttpServer http;
    private final HttpsServer https;

    private MjpegServer() {
        try {
            routes = new MjpegRoutes(MjpegFrames.generate(workDir), USER, PASSWORD, closed);
            InetSocketAddress anyLoopbackPort = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
            http = HttpServer.create(anyLoopbackPort, 16);
            https = HttpsServer.create(anyLoopbackPort, 16);
            https.setHttpsConfigurator(new HttpsConfigurator(SelfSignedTls.serverContext(workDir)));
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("could not bind the MJPEG test server on 127.0.0.1", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        for (HttpServer server : List.of(http, https)) {
            server.createContext("/", routes);
            server.setExecutor(handlers);
            server.start();
        }
    }

    /** Makes the pictures (about half a second) and starts both listeners. */
    public static MjpegServer start() {
        return new MjpegServer();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
    }

    /** {@code https://127.0.0.1:<port><path>}, served with a self-signed certificate. */
    public URI httpsUrl(String path) {
        return URI.create("https://127.0.0.1:" + https.getAddress().getPort() + path);
    }

    /** How many multipart streams are being served right now (a client that stopped reading is counted until the next write fails). */
    public int openStreams() {
        return routes.openStreams();
    }

    /** Ends every stream and stalled request, stops both listeners and deletes the pictures. */
    @Override
    public void close() {
        closed.countDown();
        if (http != null) {
            http.stop(0);
        }
        if (https != null) {
            https.stop(0);
        }
        handlers.shutdownNow();
        TempDirs.deleteQuietly(workDir);
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "testkit-mjpeg");
            thread.setDaemon(true);
            return thread;
        };
    }
}
