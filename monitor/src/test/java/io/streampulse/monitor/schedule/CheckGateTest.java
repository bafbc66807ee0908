package io.streampulse.monitor.schedule;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CheckGateTest {

    @Test
    void submit_beyondTheGlobalLimit_waitsAndStartsOnRelease() {
        CheckGate gate = new CheckGate(2, 10);
        List<String> started = new ArrayList<>();

        for (String host : List.of("a", "b", "c", "d")) {
            gate.submit(host, () -> started.add(host));
        }

        assertEquals(List.of("a", "b"), started);
        assertEquals(2, gate.waiting());
        gate.release("a");
        assertEquals(List.of("a", "b", "c"), started);
    }

    @Test
    void submit_busyHost_doesNotHoldBackOtherHosts() {
        CheckGate gate = new CheckGate(10, 1);
        List<String> started = new ArrayList<>();

        gate.submit("cam1", () -> started.add("cam1#1"));
        gate.submit("cam1", () -> started.add("cam1#2"));
        gate.submit("cam2", () -> started.add("cam2#1"));

        assertEquals(List.of("cam1#1", "cam2#1"), started);
        gate.release("cam1");
        assertEquals(List.of("cam1#1", "cam2#1", "cam1#2"), started);
        assertEquals(2, gate.running());
    }
}
