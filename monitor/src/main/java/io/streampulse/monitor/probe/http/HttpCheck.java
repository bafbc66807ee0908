package io.streampulse.monitor.probe.http;

import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.probe.ProbeTarget;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One run of the HTTP check against one target: GET, follow redirects by {@link RedirectPolicy}, read the body
 * with a {@link JpegBodySubscriber}, all within the target's timeout. At the deadline the request in flight is
 * cancelled (closing its connection) and the result says how far it got.
 */
final class HttpCheck {

    /** The response whose headers have arrived, and the subscriber reading its body. */
    private record Hop(HttpResponse.ResponseInfo info, JpegBodySubscriber body) {
    }

    private final HttpClient client;
    private final ProbeTarget target;
    private final long byteBudget;
    private final long startNanos = System.nanoTime();
    private final long timeoutMs;
    private final CompletableFuture<ProbeResult> result = new CompletableFuture<>();
    private volatile CompletableFuture<HttpResponse<BodyScan>> inFlight;
    private volatile Hop hop;
    private volatile int redirects;
    private volatile boolean credentialsSent;

    HttpCheck(HttpClient client, ProbeTarget target, long byteBudget) {
        this.client = client;
        this.target = target;
        this.byteBudget = byteBudget;
        this.timeoutMs = target.timeout().toMillis();
    }

    CompletableFuture<ProbeResult> run() {
        CompletableFuture.delayedExecutor(timeoutMs, TimeUnit.MILLISECONDS).execute(this::deadline);
        send(target.url());
        return result;
    }

    private void send(URI url) {
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(url).GET()
                    .timeout(Duration.ofMillis(Math.max(1, timeoutMs - elapsedMs())))
                    .header("User-Agent", "StreamPulse-monitor")
                    .header("Accept", "multipart/x-mixed-replace, image/jpeg;q=0.9, */*;q=0.1");
            credentialsSent = target.hasCredentials() && RedirectPolicy.sameOrigin(target.url(), url);
            if (credentialsSent) {
                builder.header("Authorization", basic(target.username(), target.password()));
            }
            request = builder.build();
        } catch (IllegalArgumentException badUrl) {
            finish(HttpFailureMapper.failed(badUrl, elapsedMs(), timeoutMs));
            return;
        }
        CompletableFuture<HttpResponse<BodyScan>> response = client.sendAsync(request, this::subscriberFor);
        inFlight = response;
        if (result.isDone()) {
            response.cancel(true); // the deadline passed while this redirect hop was being sent
        }
        response.whenComplete((answer, error) -> {
            if (error != null) {
                finish(HttpFailureMapper.failed(error, elapsedMs(), timeoutMs));
            } else {
                answered(answer);
            }
        });
    }

    private HttpResponse.BodySubscriber<BodyScan> subscriberFor(HttpResponse.ResponseInfo info) {
        int status = info.statusCode();
        boolean jpegExpected = status >= 200 && status < 300 && contentType(info).map(MediaType::kind)
                .filter(ContentKind::carriesJpeg).isPresent();
        JpegBodySubscriber body = jpegExpected ? JpegBodySubscriber.reading(byteBudget) : JpegBodySubscriber.skipping();
        hop = new Hop(info, body);
        return body;
    }

    private void answered(HttpResponse<BodyScan> response) {
        int status = response.statusCode();
        Optional<String> refusal = Optional.empty();
        if (RedirectPolicy.isRedirect(status)) {
            RedirectPolicy.Decision decision = RedirectPolicy.next(response.uri(),
                    response.headers().firstValue("Location").orElse(null), redirects);
            if (decision.next().isPresent() && !result.isDone()) {
                redirects++;
                send(decision.next().get());
                return;
            }
            refusal = decision.refusal();
        }
        HttpAnswer answer = new HttpAnswer(status, contentType(response.headers().firstValue("Content-Type")),
                response.body(), redirects, refusal);
        finish(HttpResultMapper.answered(answer, elapsedMs(), credentialsSent, byteBudget));
    }

    private void deadline() {
        Hop current = hop;
        ProbeResult late = current != null && current.body().isReading()
                ? HttpResultMapper.stalled(current.info().statusCode(), contentType(current.info()),
                        current.body().bytesRead(), redirects, elapsedMs(), timeoutMs)
                : HttpFailureMapper.timedOut(elapsedMs(), timeoutMs);
        finish(late);
    }

    /** The first result wins; whatever is still open is cancelled so no connection outlives the check. */
    private void finish(ProbeResult outcome) {
        if (!result.complete(outcome)) {
            return;
        }
        Hop current = hop;
        if (current != null) {
            current.body().cancel();
        }
        CompletableFuture<HttpResponse<BodyScan>> response = inFlight;
        if (response != null) {
            response.cancel(true);
        }
    }

    private long elapsedMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private static Optional<MediaType> contentType(HttpResponse.ResponseInfo info) {
        return contentType(info.headers().firstValue("Content-Type"));
    }

    private static Optional<MediaType> contentType(Optional<String> header) {
        return header.flatMap(MediaType::parse);
    }

    private static String basic(String user, String password) {
        String pair = user + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
