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
        String why = reason(failure);
        if (unwrap(failure) instanceof ConnectException) {
            why += " (is the " + peer + " running?)";
        }
        return "cannot read " + uri + ": " + why;
    }

    /** Why a request to a peer failed, in a few words: "connection refused", "no answer in time", or its message. */
    public static String reason(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
