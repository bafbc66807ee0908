package io.streampulse.monitor.probe.frame;

/**
 * A frame grab that gave no picture; the message is the short cause shown to users ("timeout after 5000 ms",
 * "cannot open: Connection refused"). No stack trace: it is an expected outcome, and the cause it replaces
 * carries the URL, credentials included.
 */
public final class FrameGrabException extends RuntimeException {

    public FrameGrabException(String message) {
        super(message, null, false, false);
    }
}
