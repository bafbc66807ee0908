package io.streampulse.bridge.yolink.events;

/**
 * A YoLink message that cannot be read as an event; the message says what is wrong and where. Expected (the
 * network delivers what it likes), so it carries no stack trace.
 */
public final class MalformedEventException extends IllegalArgumentException {

    public MalformedEventException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
