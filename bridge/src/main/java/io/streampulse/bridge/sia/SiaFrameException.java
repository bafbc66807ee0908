package io.streampulse.bridge.sia;

/**
 * A DC-09 frame that cannot be built or read, with the reason in words ("CRC 1A2B does not match the content's
 * 3C4D"). Expected on bad input from the wire, so it carries no stack trace.
 */
public class SiaFrameException extends RuntimeException {

    public SiaFrameException(String reason) {
        super(reason, null, false, false);
    }
}
