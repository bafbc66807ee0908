package io.streampulse.bridge.sia;

import java.time.Instant;

/**
 * The link's latest news for /health: the last answer (any message, NULL included) and the last failure.
 *
 * @param lastAnswer   "ACK seq 0042", "timeout after 10 s (3 attempts)", ... or null before the first message
 * @param lastAnswerAt when it was decided
 * @param lastError    the last message that was not acknowledged, or null
 * @param lastErrorAt  when
 * @param healthy      whether the last message was acknowledged (true before the first message)
 */
public record SiaLinkStatus(String lastAnswer, Instant lastAnswerAt, String lastError, Instant lastErrorAt,
                            boolean healthy) {

    public static final SiaLinkStatus NONE = new SiaLinkStatus(null, null, null, null, true);

    SiaLinkStatus after(String answer, boolean acknowledged, Instant at) {
        return acknowledged ? new SiaLinkStatus(answer, at, lastError, lastErrorAt, true)
                : new SiaLinkStatus(answer, at, answer, at, false);
    }
}
