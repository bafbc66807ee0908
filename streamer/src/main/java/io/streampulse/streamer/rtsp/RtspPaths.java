package io.streampulse.streamer.rtsp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * Which stream a request URL names (pure): {@code /<name>} and {@code /<name>_main} are the main profile,
 * {@code /<name>_sub} the sub profile; a trailing {@code /trackID=0} (SETUP) or slash is ignored, as is a query.
 */
final class RtspPaths {

    private RtspPaths() {
    }

    static Optional<String> streamPath(String requestUri) {
        String path;
        try {
            URI uri = new URI(requestUri);
            path = uri.getRawPath() == null ? "" : uri.getRawPath();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (path.endsWith("/trackID=0")) {
            path = path.substring(0, path.length() - "/trackID=0".length());
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.startsWith("/") ? Optional.of(path.substring(1)) : Optional.empty();
    }

    static <T> Optional<T> resolve(String requestUri, Map<String, T> byPath) {
        return streamPath(requestUri).map(byPath::get);
    }
}
