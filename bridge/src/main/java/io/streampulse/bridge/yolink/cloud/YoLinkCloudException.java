package io.streampulse.bridge.yolink.cloud;

/** A failed call to the YoLink cloud, with why in words and a reason the caller can act on. Expected: no stack trace. */
public final class YoLinkCloudException extends Exception {

    public enum Reason {
        /** The token endpoint refused the UAID/secret: the user must fix the config; retrying will not help. */
        CREDENTIALS_REJECTED,
        /** The API refused the access token (expired or revoked): get a new one and try again. */
        TOKEN_REJECTED,
        /** No answer, or not an HTTP answer: network or YoLink down. */
        UNREACHABLE,
        /** An answer we cannot read, or an API error code. */
        API_ERROR
    }

    private final Reason reason;

    public YoLinkCloudException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
