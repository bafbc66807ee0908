package io.streampulse.publisher.devices;

import io.streampulse.shared.feed.SseEvent;
import io.streampulse.shared.feed.SseEventParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BridgeDeviceParserTest {

    static List<SseEvent> vector() throws IOException {
        try (InputStream in = BridgeDeviceParserTest.class.getResourceAsStream("/vectors/sse/bridge-device-events.txt")) {
            SseEventParser parser = new SseEventParser();
            List<SseEvent> events = new ArrayList<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .forEach(line -> parser.line(line).ifPresent(events::add));
            return events;
        }
    }

    @Test
    void parse_bridgeEventStream_givesSnapshotThenDeviceWithCausesInLowerCase() throws IOException {
        List<SseEvent> events = vector();

        assertEquals(List.of("snapshot", "device", "alert"), events.stream().map(SseEvent::name).toList());
        assertEquals(new DeviceReport("d88b4c0100000001", "Back door", "DoorSensor", "open",
                Set.of("open", "low_battery"), OptionalInt.of(25), OptionalInt.of(-80), OptionalDouble.empty(),
                OptionalDouble.empty(), Optional.of(Instant.ofEpochMilli(1_795_770_060_000L))),
                BridgeDeviceParser.parse(events.get(1).data()));
        assertEquals(Set.of(), BridgeDeviceParser.parse(events.get(0).data()).alarms());
    }

    @Test
    void parseList_apiDevicesBody_andNeverSeenHasNoLastSeen() {
        List<DeviceReport> list = BridgeDeviceParser.parseList("[{\"device_id\":\"t1\",\"name\":\"Cellar\","
                + "\"type\":\"THSensor\",\"kind\":\"TEMPERATURE_HUMIDITY\",\"state\":null,\"active\":[],"
                + "\"temperature_c\":12.5,\"humidity_percent\":70.0,\"last_seen_millis\":0,\"online\":false}]");

        assertEquals(1, list.size());
        assertEquals(OptionalDouble.of(12.5), list.get(0).temperatureC());
        assertEquals(null, list.get(0).state());
        assertEquals(Optional.empty(), list.get(0).lastSeen());
    }

    @Test
    void parse_badInput_saysWhatIsWrong() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BridgeDeviceParser.parse("{\"name\":\"x\"}"))
                .getMessage().contains("without device_id"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BridgeDeviceParser.parse("{oops"))
                .getMessage().contains("malformed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BridgeDeviceParser.parseList("{}"))
                .getMessage().contains("expected a JSON array"));
    }
}
