package io.streampulse.publisher.connection;

/** The broker did not accept a publish (a negative PUBACK, a closed connection); carries no stack trace. */
final class PublishFailedException extends RuntimeException {

    PublishFailedException(Throwable cause) {
        super(String.valueOf(cause.getMessage()), cause, false, false);
    }
}
