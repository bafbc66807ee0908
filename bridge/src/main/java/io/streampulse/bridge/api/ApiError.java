package io.streampulse.bridge.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.serde.annotation.Serdeable;

/** The JSON body of every API error: what is wrong, in words a user can act on. */
@Serdeable
public record ApiError(int status, String message) {

    static HttpResponse<ApiError> notFound(String message) {
        return HttpResponse.<ApiError>notFound(new ApiError(404, message)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static HttpResponse<ApiError> badRequest(String message) {
        return HttpResponse.<ApiError>badRequest(new ApiError(400, message))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static HttpResponse<ApiError> unavailable(String message) {
        return HttpResponse.<ApiError>status(HttpStatus.SERVICE_UNAVAILABLE).body(new ApiError(503, message))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
