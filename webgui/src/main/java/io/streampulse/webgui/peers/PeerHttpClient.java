package io.streampulse.webgui.peers;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one HTTP client the webgui talks to its peers with (monitor, bridge, publisher, streamer: all on this host or
 * the LAN): HTTP/1.1 (the peers are Netty servers without h2c, so no upgrade attempt), a short connect timeout (a
 * peer that is down refuses at once; one that does not answer is named quickly), redirects left to the caller.
 * Each request sets its own read timeout.
 */
@Factory
public class PeerHttpClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

    @Singleton
    HttpClient peerHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
