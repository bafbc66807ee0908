package io.streampulse.monitor.probe.http;

import java.util.Optional;

/**
 * The last response of one HTTP check, after redirects (pure value).
 *
 * @param redirects       how many redirects were followed to get it
 * @param redirectRefusal why a redirect answer was not followed, when the status is a redirect
 */
public record HttpAnswer(int status, Optional<MediaType> contentType, BodyScan body, int redirects,
                         Optional<String> redirectRefusal) {
}
