package io.streampulse.bridge.yolink.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YoLinkEventParserTest {

    @Test
    void parse_doorAlert_splitsTypeAndSuffix() {
        YoLinkEvent event = Vectors.event("homebridge-doorsensor-alert-open");

        assertEquals("DoorSensor", event.type());
        assertEquals("Alert", event.suffix());
        assertEquals("d88b4c0100000001", event.deviceId());
        assertEquals(1732700000000L, event.timeMillis());
        assertEquals("1732700000000", event.msgid());
        assertEquals("open", event.data().get("state").asText());
        assertTrue(event.reportsState());
    }

    @Test
    void parse_configEcho_doesNotReportState() {
        assertEquals(false, Vectors.event("library-doorsensor-setopenremind").reportsState());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "''|empty payload",
            "{\"event\":|not JSON",
            "[1,2]|not a JSON object",
            "{\"deviceId\":\"a\",\"data\":{}}|'event' must be \"<Type>.<Suffix>\", got none",
            "{\"event\":\"DoorSensor\",\"deviceId\":\"a\"}|got \"DoorSensor\"",
            "{\"event\":\"DoorSensor.\",\"deviceId\":\"a\"}|got \"DoorSensor.\"",
            "{\"event\":\"DoorSensor.Alert\",\"data\":{}}|'deviceId' missing in DoorSensor.Alert",
            "{\"event\":\"DoorSensor.Alert\",\"deviceId\":\"a\",\"data\":[1]}|'data' of DoorSensor.Alert from a is array",
    })
    void parse_malformed_clearMessage(String payload, String message) {
        MalformedEventException error = assertThrows(MalformedEventException.class,
                () -> YoLinkEventParser.parse(payload));

        assertTrue(error.getMessage().contains(message), error.getMessage());
    }

    @Test
    void parse_nullData_emptyBody() {
        YoLinkEvent event = YoLinkEventParser.parse("{\"event\":\"Hub.Report\",\"deviceId\":\"h\",\"data\":null}");

        assertEquals(0, event.data().size());
        assertEquals(0, event.timeMillis());
    }

    /** Mutated real payloads: each is parsed and normalized or rejected as malformed, never anything else. */
    @Test
    void parseAndApply_tenThousandMutations_onlyMalformedEventExceptions() {
        String[] seeds = {Vectors.yolink("homebridge-doorsensor-alert-open"),
                Vectors.yolink("homebridge-cosmokesensor-alert-smoke-co"),
                Vectors.yolink("homebridge-thsensor-report-hightemp-lowbattery"),
                Vectors.yolink("homebridge-multioutlet-report"), Vectors.yolink("library-doorsensor-getstate")};
        Random random = new Random(5);
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 10_000; i++) {
            char[] chars = seeds[i % seeds.length].toCharArray();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                chars[random.nextInt(chars.length)] = "{}[]\":,.0a-tn \\".charAt(random.nextInt(15));
            }
            try {
                DeviceNormalizer.apply(null, YoLinkEventParser.parse(new String(chars)), 1);
                parsed++;
            } catch (MalformedEventException e) {
                rejected++;
            }
        }
        assertEquals(10_000, parsed + rejected);
        assertTrue(parsed > 0 && rejected > 0, parsed + " parsed, " + rejected + " rejected");
    }
}
