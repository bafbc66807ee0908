package io.streampulse.webgui.sensors;

/** The bridge could not be asked (down, not answering, or an answer we cannot read): expected, no stack trace. */
public final class BridgeUnavailableException extends Exception {

    public BridgeUnavailableException(String message) {
        super(message, null, false, false);
    }
}
