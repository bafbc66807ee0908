package io.streampulse.webgui.live;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Refuses a live-feed handshake whose Origin is not this site ({@link OriginCheck}) before it is upgraded. */
@ServerFilter("/ws/**")
public class LiveHandshakeFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LiveHandshakeFilter.class);

    @RequestFilter
    public @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        String origin = request.getHeaders().get(HttpHeaders.ORIGIN);
        String host = request.getHeaders().get(HttpHeaders.HOST);
        if (OriginCheck.sameOrigin(origin, host)) {
            return null;
        }
        LOG.info("refused live feed handshake: Origin '{}' is not this site (Host '{}')", origin, host);
        return HttpResponse.status(HttpStatus.FORBIDDEN).body("cross-site WebSocket refused");
    }
}
