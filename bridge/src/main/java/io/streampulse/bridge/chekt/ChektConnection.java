package io.streampulse.bridge.chekt;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection to the CHEKT bridge for one delivery lane, plain http only: a blocking socket
 * on the lane's thread with Netty's HTTP codec ({@code HttpClientCodec} + {@code HttpObjectAggregator} in an
 * {@link EmbeddedChannel}: messages to bytes and back, no event loop), one request at a time. Why: the JDK
 * HttpClient cost ~0.55 ms CPU per POST in bench/bridge, most of it handing each exchange to its selector and
 * worker threads and back. Opened on the first POST, again after any failure or a {@code Connection: close}.
 */
final class ChektConnection implements AutoCloseable {

    /** Longer than any answer we log (120 characters); a bigger body is refused, not buffered. */
    private static final int MAX_ANSWER = 64 * 1024;

    /** Status and body of one answer. */
    record Answer(int status, String body) {
    }

    /** Where the connection failed: before it was open (connect) or waiting for the answer. */
    static final class Failure extends IOException {
        final boolean connecting;

        Failure(boolean connecting, IOException cause) {
            super(cause.getMessage(), cause);
            this.connecting = connecting;
        }
    }

    /** Nothing of an answer came on a kept connection (the bridge had closed it): the request was not taken. */
    private static final class Stale extends IOException {
        Stale(String message) {
            super(message);
        }
    }

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private EmbeddedChannel codec;
    private String origin;
    private final byte[] buffer = new byte[8192];

    /** POSTs {@code request} to {@code uri} (http); waits at most {@code timeoutMillis} to connect and answered. */
    synchronized Answer post(URI uri, ChektRequest request, int timeoutMillis) throws Failure {
        boolean reused = open(uri, timeoutMillis);
        try {
            return exchange(uri, request, timeoutMillis);
        } catch (Stale stale) {
            close();
            if (!reused) {
                throw new Failure(false, stale);
            }
            // the bridge closed the idle connection before reading this request: once more on a new one
            open(uri, timeoutMillis);
            try {
                return exchange(uri, request, timeoutMillis);
            } catch (IOException | RuntimeException e) {
                close();
                throw new Failure(false, e instanceof IOException io ? io : new IOException(e.toString(), e));
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw new Failure(false, e instanceof IOException io ? io : new IOException(e.toString(), e));
        }
    }

    /** True when the connection was open already (kept alive). */
    private boolean open(URI uri, int timeoutMillis) throws Failure {
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        String wanted = uri.getHost() + ":" + port;
        if (socket != null && wanted.equals(origin)) {
            return true;
        }
        close();
        Socket fresh = new Socket();
        try {
            fresh.setTcpNoDelay(true);
            fresh.connect(new InetSocketAddress(uri.getHost(), port), timeoutMillis);
            in = fresh.getInputStream();
            out = fresh.getOutputStream();
        } catch (IOException e) {
            closeQuietly(fresh);
            throw new Failure(true, e);
        }
        socket = fresh;
        origin = wanted;
        codec = new EmbeddedChannel(new HttpClientCodec(), new HttpObjectAggregator(MAX_ANSWER));
        return false;
    }

    private Answer exchange(URI uri, ChektRequest request, int timeoutMillis) throws IOException {
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        FullHttpRequest http = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, target,
                Unpooled.copiedBuffer(request.body(), StandardCharsets.UTF_8));
        http.headers().set(HttpHeaderNames.HOST, origin);
        request.headers().forEach(http.headers()::set);
        HttpUtil.setContentLength(http, http.content().readableBytes());
        codec.writeOutbound(http);
        try {
            for (ByteBuf bytes = codec.readOutbound(); bytes != null; bytes = codec.readOutbound()) {
                try {
                    bytes.readBytes(out, bytes.readableBytes());
                } finally {
                    bytes.release();
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new Stale("could not send: " + e.getMessage());
        }
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        boolean any = false;
        while (true) {
            FullHttpResponse response = codec.readInbound();
            if (response != null) {
                return answer(response);
            }
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                throw new SocketTimeoutException("no answer within " + timeoutMillis + " ms");
            }
            socket.setSoTimeout((int) left);
            int n = in.read(buffer);
            if (n < 0) {
                throw any ? new IOException("the CHEKT bridge closed the connection in the middle of its answer")
                        : new Stale("the CHEKT bridge closed the connection");
            }
            any = true;
            codec.writeInbound(Unpooled.copiedBuffer(buffer, 0, n)); // copied: the decoder may keep slices of it
        }
    }

    private Answer answer(FullHttpResponse response) throws IOException {
        try {
            if (response.decoderResult().isFailure()) {
                throw new IOException("unreadable HTTP answer: " + response.decoderResult().cause().getMessage());
            }
            Answer answer = new Answer(response.status().code(),
                    response.content().toString(StandardCharsets.UTF_8));
            if (!HttpUtil.isKeepAlive(response)) {
                close();
            }
            return answer;
        } finally {
            response.release();
        }
    }

    @Override
    public synchronized void close() {
        if (socket != null) {
            closeQuietly(socket);
            codec.finishAndReleaseAll();
            socket = null;
            in = null;
            out = null;
            codec = null;
            origin = null;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // a broken connection: nothing left to do
        }
    }
}
