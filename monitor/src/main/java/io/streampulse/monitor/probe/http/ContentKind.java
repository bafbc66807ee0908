package io.streampulse.monitor.probe.http;

/** What a response's Content-Type says the body is, as far as the HTTP check cares (pure). */
public enum ContentKind {

    /** multipart/x-mixed-replace: a camera's endless stream of JPEG parts. */
    MJPEG,
    /** image/jpeg (and the common misspelling image/jpg): a snapshot. */
    JPEG,
    /** text/html: a login or error page, answered with 200 by many cameras and proxies. */
    HTML,
    /** Anything else, or no Content-Type at all. */
    OTHER;

    /** Whether the body should hold a JPEG, so it is worth reading. */
    public boolean carriesJpeg() {
        return this == MJPEG || this == JPEG;
    }
}
