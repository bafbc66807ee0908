package io.streampulse.publisher.streams;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

/** One line for /health and the log when a request to the monitor failed; expected failures carry no trace. */
final class HttpFailures {

    private HttpFailures() {
    }

    static String describe(URI uri, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String why;
        if (cause instanceof ConnectException) {
            why = "connection refused (is the monitor running?)";
        } else if (cause instanceof HttpTimeoutException) {
            why = "no answer in time";
        } else {
            why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
        return "cannot read " + uri + ": " + why;
    }
}
