package io.streampulse.webgui.streams;

import io.streampulse.shared.config.ConfigParser;
import io.streampulse.shared.config.SecretBox;
import io.streampulse.shared.config.StreamEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stream form's rules, field by field, against streams parsed by the real config parser. */
class StreamRulesTest {

    private static final List<StreamEntry> CONFIGURED = ConfigParser.parse("""
            streams:
              - name: Front door
                url: rtsp://10.0.0.5/stream1
                id: front
                username: admin
                password: door-secret
              - name: Yard
                url: http://10.0.0.6/video.mjpg
            """, Map.of(), SecretBox.unavailable("plain text in tests")).config().orElseThrow().streams();
    private static final StreamEntry FRONT = CONFIGURED.get(0);

    private static StreamForm form(String... pairs) {
        Map<String, String> fields = new HashMap<>(Map.of("name", "Garage", "url", "rtsp://10.0.0.7:8554/live",
                "enabled", "on", "tls_verify", "on", "check", "protocol"));
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return StreamForm.from(fields);
    }

    private static Map<String, String> errors(StreamForm form) {
        return StreamRules.check(form, CONFIGURED, null);
    }

    @Test
    void aCompleteNewStream_hasNoErrors_andGetsAnIdFromItsName() {
        StreamForm ok = form("interval_seconds", "30", "timeout_seconds", "5", "retries", "2",
                "retry_interval_seconds", "10", "username", "cam", "password", "pw", "tags", "outdoor, east");

        assertEquals(Map.of(), errors(ok));
        assertEquals(StreamEntry.deriveId("Garage"), StreamRules.idFor(ok, null));
        assertEquals(List.of("outdoor", "east"), ok.tagList());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "name|''|Give the stream a name.",
            "name|front DOOR|Another stream is already called this.",
            "url|''|Enter the stream's address, such as rtsp://192.168.1.20:554/stream1.",
            "url|ftp://10.0.0.1/cam|The address must start with rtsp://, rtsps://, http:// or https://.",
            "url|rtsp:///nohost|The address has no host name.",
            "url|rtsp://10.0.0.1/a b|An address has no spaces or control characters (and is at most 2048 characters).",
            "interval_seconds|4|Enter a whole number from 5 to 86400, or leave it blank.",
            "timeout_seconds|ten|Enter a whole number from 1 to 300, or leave it blank.",
            "retries|101|Enter a whole number from 0 to 100, or leave it blank.",
            "retry_interval_seconds|0|Enter a whole number from 1 to 86400, or leave it blank.",
            "check|sometimes|Choose a protocol check or a frame check.",
            "id|Front Door|An id is 1-64 lower-case letters, digits, '-' or '_', starting with a letter or digit.",
            "id|front|Another stream already has the id 'front'.",
            "id|new|'new' is the name of one of this editor's pages; choose another id.",
            "tags|a<b|Tags are words of letters, digits and _ . : / - (at most 40 characters each).",
    })
    void aWrongField_getsItsMessage(String field, String value, String message) {
        assertEquals(Map.of(field, message), errors(form(field, value)));
    }

    @Test
    void aNameOnTwoLines_isRefused() {
        assertTrue(errors(form("name", "two\nlines")).containsKey("name"));
    }

    @Test
    void editing_keepsItsOwnNameAndId_andABlankPasswordForTheSameCameraIsFine() {
        List<StreamEntry> others = CONFIGURED.subList(1, 2);
        StreamForm same = form("name", "Front door", "url", "rtsp://10.0.0.5:554/other-path", "username", "admin");

        assertEquals(Map.of(), StreamRules.check(same, others, FRONT));
        assertEquals("front", StreamRules.idFor(same, FRONT));
    }

    @Test
    void editing_aBlankPasswordForAnotherHost_mustBeTypedAgain_orRemoved() {
        List<StreamEntry> others = CONFIGURED.subList(1, 2);
        StreamForm moved = form("name", "Front door", "url", "rtsp://203.0.113.9/stream1");

        assertEquals("The address now points to another camera: type the password again (the stored one is only"
                + " sent to rtsp://10.0.0.5:554), or remove it.", StreamRules.check(moved, others, FRONT).get("password"));
        assertEquals(Map.of(), StreamRules.check(form("name", "Front door", "url", "rtsp://203.0.113.9/stream1",
                "password", "typed-again"), others, FRONT));
        assertEquals(Map.of(), StreamRules.check(form("name", "Front door", "url", "rtsp://203.0.113.9/stream1",
                "clear_password", "on"), others, FRONT));
    }

    @Test
    void aNewNameWhoseDerivedIdIsTaken_isRefusedOnTheId() {
        List<StreamEntry> withDerived = ConfigParser.parse("streams:\n  - name: Cam\n    url: rtsp://h/1\n",
                Map.of(), SecretBox.unavailable("none")).config().orElseThrow().streams();
        StreamForm clash = form("name", "Other", "id", StreamEntry.deriveId("Cam"));

        assertEquals(Map.of("id", "Another stream already has the id '" + StreamEntry.deriveId("Cam") + "'."),
                StreamRules.check(clash, withDerived, null));
    }
}
