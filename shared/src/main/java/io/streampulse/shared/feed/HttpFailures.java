package io.streampulse.shared.feed;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;

/** One line for /health and the log when a request to a peer failed; expected failures carry no trace. */
public final class HttpFailures {

    private HttpFailures() {
    }

    /** {@code peer} names the process in the hint ("monitor", "bridge"). */
    public static String describe(URI uri, String peer, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        String why;
        if (cause instanceof ConnectException) {
            why = "connection refused (is the " + peer + " running?)";
        } else if (cause instanceof HttpTimeoutException) {
            why = "no answer in time";
        } else {
            why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
        return "cannot read " + uri + ": " + why;
    }
}
