package io.streampulse.bridge.chekt;

import io.streampulse.shared.config.ReceiversSection;
import io.streampulse.shared.config.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChektRequestBuilderTest {

    private static ReceiversSection.Chekt config(String url, String token) {
        return new ReceiversSection.Chekt(true, url, new Secret(token, false), 5);
    }

    @Test
    void build_withToken_isTheDocumentedPost() {
        ChektRequest request = ChektRequestBuilder.build(config("http://10.0.0.5:30003", "s3cret"), 3,
                "Door opened (Front door)");

        assertEquals("http://10.0.0.5:30003/api/v1/events", request.url());
        // base64("apikey:s3cret")
        assertEquals(Map.of("Content-Type", "application/json", "Authorization", "Basic YXBpa2V5OnMzY3JldA=="),
                request.headers());
        assertEquals("{\"target_channel\":\"3\",\"event_description\":\"Door opened (Front door)\"}",
                request.body());
    }

    @Test
    void build_withoutToken_sendsNoAuthorization() {
        ChektRequest request = ChektRequestBuilder.build(config("http://bridge:30003", ""), 12, "Leak cleared");

        assertEquals(Map.of("Content-Type", "application/json"), request.headers());
    }

    @Test
    void build_textWithQuotesAndControls_isEscapedJson() {
        ChektRequest request = ChektRequestBuilder.build(config("http://b:1", ""), 1, "a \"b\" \\ c\nd\u0001");

        assertEquals("{\"target_channel\":\"1\",\"event_description\":\"a \\\"b\\\" \\\\ c\\nd\\u0001\"}",
                request.body());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://10.0.0.5:30003, http://10.0.0.5:30003/api/v1/events",
            "http://10.0.0.5:30003/, http://10.0.0.5:30003/api/v1/events",
            "' HTTPS://bridge:443 ', HTTPS://bridge:443/api/v1/events",
            "http://10.0.0.5:30003/api/v1/channels/3/events, http://10.0.0.5:30003/api/v1/channels/3/events",
    })
    void eventsUrl_configuredUrl_getsTheDefaultPathOnlyWhenItHasNone(String configured, String expected) {
        assertEquals(expected, ChektRequestBuilder.eventsUrl(configured));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0.5:30003", "ftp://bridge", "http://"})
    void build_badUrl_saysWhichKeyAndWhatWasFound(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChektRequestBuilder.build(config(url, ""), 1, "x"));

        assertTrue(e.getMessage().startsWith("receivers.chekt.url must be http://host:port (got '"), e.getMessage());
    }
}
