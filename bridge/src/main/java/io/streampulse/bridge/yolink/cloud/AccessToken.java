package io.streampulse.bridge.yolink.cloud;

/**
 * A YoLink access token and its lifetime. It is renewed at {@link #RENEW_AT} of its lifetime (for the usual
 * 7200 s: after 96 min, 24 min early), so a renewal that fails still has time for retries before the old one expires.
 */
public record AccessToken(String value, long obtainedAtMillis, long expiresInSeconds) {

    static final double RENEW_AT = 0.8;

    public long expiresAtMillis() {
        return obtainedAtMillis + expiresInSeconds * 1000;
    }

    public long renewAtMillis() {
        return obtainedAtMillis + (long) (expiresInSeconds * 1000 * RENEW_AT);
    }

    public boolean validAt(long nowMillis) {
        return nowMillis < expiresAtMillis();
    }

    @Override
    public String toString() {
        return "AccessToken[****, expires in " + expiresInSeconds + " s]";
    }
}
