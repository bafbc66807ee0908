package io.streampulse.monitor.probe.http;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a response body only until it has decided: the first complete JPEG, the byte budget, or the end of the
 * body; then it cancels the subscription, which closes the connection. Why: an MJPEG stream never ends, so a
 * body handler that reads to the end (the JDK's own) would never complete. A skipping subscriber cancels at
 * once, for answers decided by their headers.
 */
final class JpegBodySubscriber implements HttpResponse.BodySubscriber<BodyScan> {

    private final CompletableFuture<BodyScan> body = new CompletableFuture<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private final JpegScanner scanner;
    private volatile long bytesRead;

    private JpegBodySubscriber(JpegScanner scanner) {
        this.scanner = scanner;
    }

    static JpegBodySubscriber reading(long byteBudget) {
        return new JpegBodySubscriber(new JpegScanner(byteBudget));
    }

    static JpegBodySubscriber skipping() {
        return new JpegBodySubscriber(null);
    }

    boolean isReading() {
        return scanner != null;
    }

    /** Body bytes read so far; safe from any thread. */
    long bytesRead() {
        return bytesRead;
    }

    /** Stops reading (from any thread, e.g. at the check's deadline); the connection is closed. */
    void cancel() {
        Flow.Subscription s = subscription.get();
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public CompletionStage<BodyScan> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        if (!subscription.compareAndSet(null, s)) {
            s.cancel();
            return;
        }
        if (scanner == null) {
            s.cancel();
            body.complete(BodyScan.notRead());
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            JpegScanner.State state = scanner.feed(buffer);
            bytesRead = scanner.bytesFed();
            if (state != JpegScanner.State.NEED_MORE) {
                subscription.get().cancel();
                body.complete(state == JpegScanner.State.FOUND
                        ? new BodyScan(BodyScan.Outcome.FOUND, scanner.jpeg(), bytesRead)
                        : new BodyScan(BodyScan.Outcome.BUDGET_EXCEEDED, new byte[0], bytesRead));
                return;
            }
        }
        subscription.get().request(1);
    }

    @Override
    public void onError(Throwable error) {
        body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        body.complete(scanner == null ? BodyScan.notRead() : new BodyScan(BodyScan.Outcome.ENDED, new byte[0], bytesRead));
    }
}
