package io.streampulse.monitor.probe.http;

/**
 * What reading a response body for a JPEG gave.
 *
 * @param jpeg      the first complete picture when {@code outcome} is FOUND, otherwise empty
 * @param bytesRead body bytes read (the read stops at the picture's end or the budget)
 */
public record BodyScan(Outcome outcome, byte[] jpeg, long bytesRead) {

    public enum Outcome {
        /** Not read: the status or the content type already decided the check. */
        NOT_READ,
        FOUND,
        BUDGET_EXCEEDED,
        /** The body ended (or the server closed) before a complete picture. */
        ENDED
    }

    static BodyScan notRead() {
        return new BodyScan(Outcome.NOT_READ, new byte[0], 0);
    }
}
