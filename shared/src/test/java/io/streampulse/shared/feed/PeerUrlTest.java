package io.streampulse.shared.feed;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PeerUrlTest {

    @Test
    void anExplicitUrlWins_withoutTrailingSlashes_soPathsResolveOnIt() {
        assertEquals(URI.create("http://bridge.lan:9000"), PeerUrl.of(" http://bridge.lan:9000// ", 7200));
        assertEquals(URI.create("http://bridge.lan:9000/api/events"),
                PeerUrl.of("http://bridge.lan:9000/", 7200).resolve("/api/events"));
    }

    @Test
    void withoutOne_theProcessOnThisHostAtItsPort() {
        assertEquals(URI.create("http://127.0.0.1:7200"), PeerUrl.of("", 7200));
        assertEquals(URI.create("http://127.0.0.1:7000"), PeerUrl.of(null, 7000));
    }
}
