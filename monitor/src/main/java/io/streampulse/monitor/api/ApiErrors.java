package io.streampulse.monitor.api;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;

/** The error answers the API controllers share, always JSON. */
final class ApiErrors {

    private ApiErrors() {
    }

    static HttpResponse<ApiError> unknownStream(String id) {
        return HttpResponse.<ApiError>notFound(ApiError.of(HttpStatus.NOT_FOUND, "no stream with id '" + id + "'"))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static HttpResponse<ApiError> badRequest(String message) {
        return HttpResponse.<ApiError>badRequest(ApiError.of(HttpStatus.BAD_REQUEST, message))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
