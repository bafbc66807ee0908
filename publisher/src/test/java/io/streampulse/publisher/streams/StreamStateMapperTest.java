package io.streampulse.publisher.streams;

import org.junit.jupiter.api.Test;

import java.util.OptionalDouble;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StreamStateMapperTest {

    @Test
    void toJson_upStream_hasStateLatencyMessageSinceInUtc() {
        MonitorStream up = new MonitorStream("door", "Front door", "UP", 1_700_000_000_000L, 1_700_000_020_000L, 42L,
                "RTSP 200, H264 Main 1920x1080", OptionalDouble.of(0.995));

        assertEquals("{\"name\":\"Front door\",\"state\":\"UP\",\"up\":true,\"latency\":42,"
                + "\"message\":\"RTSP 200, H264 Main 1920x1080\",\"since\":\"2023-11-14T22:13:20Z\","
                + "\"last_check\":\"2023-11-14T22:13:40Z\",\"uptime_24h\":0.995}", StreamStateMapper.toJson(up, false));
    }

    @Test
    void toJson_degraded_isUpOnlyWhenConfiguredSo() {
        MonitorStream degraded = new MonitorStream("c", "C", "DEGRADED", 1L, 1L, 8L, "RTSP 401", OptionalDouble.empty());

        assertEquals(false, StreamStateMapper.toJson(degraded, false).contains("\"up\":true"));
        assertEquals(true, StreamStateMapper.toJson(degraded, true).contains("\"up\":true"));
    }

    @Test
    void toJson_beforeTheFirstCheck_hasNullsNotZeros() {
        MonitorStream unknown = new MonitorStream("c", "C", null, null, null, null, "no data yet",
                OptionalDouble.empty());

        assertEquals("{\"name\":\"C\",\"state\":null,\"up\":null,\"latency\":null,\"message\":\"no data yet\","
                + "\"since\":null,\"last_check\":null,\"uptime_24h\":null}", StreamStateMapper.toJson(unknown, false));
    }
}
