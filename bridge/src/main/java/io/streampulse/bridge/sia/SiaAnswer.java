package io.streampulse.bridge.sia;

import java.time.Instant;

/**
 * A receiver's answer to one message (pure).
 *
 * @param kind         ACK: accepted; NAK: rejected, typically for a timestamp outside the receiver's window, and
 *                     carrying the receiver's own time; DUH: not understood; RSP: accepted with a response block
 * @param sequence     the sequence the answer refers to (0000 in a NAK)
 * @param receiverTime the answer's timestamp, or null when absent
 */
public record SiaAnswer(Kind kind, int sequence, Instant receiverTime) {

    public enum Kind { ACK, NAK, DUH, RSP }

    /** @throws SiaFrameException when the frame is a message, not an answer */
    public static SiaAnswer of(SiaFrame frame) {
        Kind kind = switch (frame.id()) {
            case SiaFrame.ACK -> Kind.ACK;
            case SiaFrame.NAK -> Kind.NAK;
            case SiaFrame.DUH -> Kind.DUH;
            case SiaFrame.RSP -> Kind.RSP;
            default -> throw new SiaFrameException("expected ACK, NAK, DUH or RSP, got '" + frame.id() + "'");
        };
        return new SiaAnswer(kind, frame.sequence(), frame.timestamp());
    }

    /** Decodes an answer frame; see {@link SiaFrameDecoder#decode}. */
    public static SiaAnswer decode(String frame, SiaCipher cipher) {
        return of(SiaFrameDecoder.decode(frame, cipher).frame());
    }

    /** Whether this answer is about the message with {@code sequence} (a NAK answers whatever was last sent). */
    public boolean answers(int sequence) {
        return kind == Kind.NAK || this.sequence == sequence;
    }

    public boolean accepted() {
        return kind == Kind.ACK || kind == Kind.RSP;
    }
}
