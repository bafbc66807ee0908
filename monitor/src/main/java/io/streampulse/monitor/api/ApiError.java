package io.streampulse.monitor.api;

import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;

/** The JSON body of every API error: what is wrong, in words a user can act on. */
@Serdeable
public record ApiError(int status, String message) {

    static ApiError of(HttpStatus status, String message) {
        return new ApiError(status.getCode(), message);
    }
}
