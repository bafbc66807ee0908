package io.streampulse.bridge.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WriteBatchTest {

    @Test
    void encode_wholeHash_changedFieldsWithDeletions_andEntriesInOrder() throws Exception {
        Map<String, String> door = new LinkedHashMap<>();
        door.put("device_id", "d1");
        door.put("state", "open");
        door.put("name", "Front \"door\" \\ é");
        Map<String, String> base = Map.of("device_id", "d1", "state", "closed", "name", "Front \"door\" \\ é",
                "attr.gone", "x");
        WriteBatch.Request request = WriteBatch.encode(List.of(
                        new WriteBatch.HashWrite("d1", door, base),
                        new WriteBatch.HashWrite("d2", Map.of("device_id", "d2"), null)),
                List.of(Map.of("seq", "1"), Map.of("seq", "2")), 500);

        assertArrayEquals(new String[]{RedisKeys.DEVICES, RedisKeys.EVENTS, "streampulse:device:d1",
                "streampulse:device:d2"}, request.keys());
        assertEquals("500", request.args()[0]);
        assertEquals(List.of(
                        List.of(List.of(false, "d1", List.of("state", "open"), List.of("attr.gone")),
                                List.of(true, "d2", List.of("device_id", "d2"), List.of())),
                        List.of(List.of("seq", "1"), List.of("seq", "2"))),
                new ObjectMapper().readValue(request.args()[1], List.class));
    }

    @Test
    void encode_nothingToWrite_isTwoEmptyLists() {
        WriteBatch.Request request = WriteBatch.encode(List.of(), List.of(), 10);
        assertEquals("[[],[]]", request.args()[1]);
        assertEquals(2, request.keys().length);
    }
}
