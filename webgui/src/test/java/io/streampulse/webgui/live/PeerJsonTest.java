package io.streampulse.webgui.live;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The peers' documents, as their serializers write them (vectors from monitor/api, bridge/api, shared/health). */
class PeerJsonTest {

    private final PeerJson json = new PeerJson(JsonMapper.createDefault());

    @Test
    void monitorStreamStatus_fromAHeartbeat() throws IOException {
        StreamRow row = json.stream("{\"id\":\"a1b2\",\"name\":\"Gate\",\"state\":\"DOWN\",\"since\":1795770000000,"
                + "\"ts\":1795770060000,\"message\":\"connection refused\",\"kind\":\"RTSP\",\"important\":true,"
                + "\"details\":{\"codec\":\"h264\"}}");
        assertEquals(new StreamRow("a1b2", "Gate", "DOWN", 1795770000000L, 1795770060000L, null,
                "connection refused", null, null), row);
        assertEquals("down", row.stateKey());
    }

    @Test
    void monitorStreamStatus_beforeTheFirstCheck_hasNoState() throws IOException {
        StreamRow row = json.stream("{\"id\":\"x\",\"name\":\"New\",\"message\":\"no data yet\",\"important\":false,"
                + "\"details\":{}}");
        assertNull(row.state());
        assertEquals("unknown", row.stateKey());
        assertEquals(3, json.readyStreams("{\"streams\":3}"));
    }

    @Test
    void monitorStatus_givesUptimeAndThumbnailPerId() throws IOException {
        List<PeerJson.StatusFigures> figures = json.statusFigures("{\"Gate\":{\"ts\":\"2026-11-27T10:00:00Z\","
                + "\"status\":\"ok\",\"latency\":38,\"message\":\"ok\",\"id\":\"a1b2\",\"state\":\"UP\",\"since\":null,"
                + "\"uptime_24h\":0.9875,\"thumbnail\":\"/api/streams/a1b2/thumbnail.jpg\"},\"Yard\":{\"ts\":\"\","
                + "\"status\":\"\",\"latency\":null,\"message\":\"no data yet\",\"id\":\"c3\",\"state\":null,"
                + "\"since\":null,\"uptime_24h\":null,\"thumbnail\":null}}");
        assertEquals(List.of(new PeerJson.StatusFigures("a1b2", 0.9875, true),
                new PeerJson.StatusFigures("c3", null, false)), figures);
    }

    @Test
    void bridgeDeviceState_andAlert() throws IOException {
        DeviceRow door = json.device("{\"device_id\":\"d88b4c0100000001\",\"name\":\"Back door\",\"type\":\"DoorSensor\","
                + "\"kind\":\"DOOR\",\"state\":\"open\",\"active\":[\"OPEN\",\"LOW_BATTERY\"],\"battery_percent\":25,"
                + "\"signal_dbm\":-80,\"last_seen_millis\":1795770060000,\"online\":true,"
                + "\"attributes\":{\"version\":\"0645\"}}");
        assertEquals(new DeviceRow("d88b4c0100000001", "Back door", "DoorSensor", "open",
                List.of("OPEN", "LOW_BATTERY"), 25, -80, 1795770060000L, true), door);
        assertTrue(door.alarm());

        AlertRow alert = json.alert("{\"id\":\"d1/OPEN/alarm/1795770060000\",\"device_id\":\"d1\","
                + "\"device_name\":\"Back door\",\"kind\":\"DOOR\",\"cause\":\"OPEN\",\"restore\":false,"
                + "\"at_millis\":1795770060000}");
        assertEquals(new AlertRow("d1/OPEN/alarm/1795770060000", "d1", "Back door", "OPEN", false, 1795770060000L),
                alert);
    }

    @Test
    void health_namesTheComponentsThatAreNotUp() throws IOException {
        ServiceRow row = json.health("publisher", "Publisher", "{\"status\":\"DEGRADED\",\"service\":\"publisher\","
                + "\"pid\":7,\"uptime_seconds\":60,\"config\":{\"path\":\"/c.yaml\",\"hash\":\"ab\"},\"components\":{"
                + "\"mqtt\":{\"status\":\"DEGRADED\",\"details\":{\"error\":\"refused\"}},"
                + "\"monitor_events\":{\"status\":\"UP\",\"details\":{}}}}");
        assertEquals(new ServiceRow("publisher", "Publisher", "DEGRADED", "mqtt DEGRADED"), row);
    }

    @Test
    void receivers_oneRowEach_offWhenNotEnabled() throws IOException {
        List<ServiceRow> rows = json.receivers("[{\"name\":\"chekt\",\"enabled\":false,\"queued\":0,\"healthy\":true,"
                + "\"health\":{}},{\"name\":\"sia\",\"enabled\":true,\"queued\":2,\"healthy\":false,\"health\":"
                + "{\"last_answer\":\"NAK\",\"last_error\":\"no ACK within 5 s\"}}]");
        assertEquals(List.of(new ServiceRow("receiver:chekt", "Receiver chekt", "OFF", "not enabled"),
                new ServiceRow("receiver:sia", "Receiver sia", "DEGRADED", "no ACK within 5 s; 2 queued")), rows);
    }

    @Test
    void aBrokenDocument_saysWhichOne() {
        IOException e = assertThrows(IOException.class, () -> json.receivers("{not json"));
        assertTrue(e.getMessage().startsWith("bridge /api/receivers is not the expected JSON"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
