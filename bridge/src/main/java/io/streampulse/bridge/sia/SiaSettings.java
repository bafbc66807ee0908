package io.streampulse.bridge.sia;

import io.streampulse.shared.config.ReceiversSection.Sia;

import java.time.Duration;

/**
 * The SIA receiver's settings as the link uses them: the config section plus the parsed key and the retry bound.
 *
 * @param cipher      null when no key is configured (plain frames)
 * @param supervision interval of NULL messages on an idle link; zero turns them off
 * @param timeout     how long each attempt waits for the answer
 * @param attempts    transmissions per message before giving up (a NAK's resend is extra)
 */
public record SiaSettings(boolean enabled, String host, int port, Sia.Transport transport, Sia.Format format,
                          String account, String receiver, String line, SiaCipher cipher, Duration supervision,
                          Duration timeout, int attempts) {

    public static final int DEFAULT_ATTEMPTS = 3;

    public static SiaSettings from(Sia sia) {
        return new SiaSettings(sia.enabled(), sia.host(), sia.port(), sia.transport(), sia.format(), sia.account(),
                sia.receiver(), sia.line(), sia.key().isEmpty() ? null : SiaCipher.fromHex(sia.key().value()),
                Duration.ofSeconds(sia.supervisionSeconds()), Duration.ofSeconds(sia.timeoutSeconds()),
                DEFAULT_ATTEMPTS);
    }

    /** What keeps this configuration from sending, or null when it can send. */
    public String problem() {
        if (host == null || host.isBlank()) {
            return "receivers.sia.host is not set";
        }
        if (account == null || account.isEmpty()) {
            return "receivers.sia.account is not set";
        }
        if (receiver == null || !SiaFrameEncoder.HEX_1_6.matcher(receiver).matches()) {
            return "receivers.sia.receiver must be 1-6 hex digits (got '" + receiver + "')";
        }
        if (line == null || !SiaFrameEncoder.HEX_1_6.matcher(line).matches()) {
            return "receivers.sia.line must be 1-6 hex digits (got '" + line + "')";
        }
        return null;
    }

    /** "TCP 10.0.0.5:12000", for logs and health. */
    public String target() {
        return transport + " " + host + ":" + port;
    }
}
