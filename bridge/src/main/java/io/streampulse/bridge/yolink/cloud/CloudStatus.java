package io.streampulse.bridge.yolink.cloud;

/**
 * How the YoLink cloud connection stands, for /health: the state, the last error in words, since when, and when
 * the token in hand expires (0: none).
 */
public record CloudStatus(State state, String error, long sinceMillis, long tokenExpiresAtMillis) {

    public enum State { STARTING, OK, CREDENTIALS_REJECTED, UNREACHABLE, ERROR }

    static CloudStatus starting(long now) {
        return new CloudStatus(State.STARTING, "", now, 0);
    }

    static CloudStatus ok(long now, AccessToken token) {
        return new CloudStatus(State.OK, "", now, token.expiresAtMillis());
    }

    static CloudStatus failed(YoLinkCloudException e, long now, AccessToken kept) {
        State state = switch (e.reason()) {
            case CREDENTIALS_REJECTED -> State.CREDENTIALS_REJECTED;
            case UNREACHABLE -> State.UNREACHABLE;
            default -> State.ERROR;
        };
        return new CloudStatus(state, e.getMessage(), now, kept == null ? 0 : kept.expiresAtMillis());
    }

    public boolean healthy() {
        return state == State.OK;
    }
}
