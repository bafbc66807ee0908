package io.streampulse.monitor.schedule;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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

    @Test
    void release_startsTheOldestWaitingCheckThatFits() {
        CheckGate gate = new CheckGate(2, 1);
        List<String> started = new ArrayList<>();

        for (String check : List.of("a#1", "a#2", "b#1", "c#1")) {
            gate.submit(check.substring(0, 1), () -> started.add(check));
        }

        assertEquals(List.of("a#1", "b#1"), started);
        gate.release("a"); // a#2 (parked behind its host) is older than c#1 (held by the global limit)
        assertEquals(List.of("a#1", "b#1", "a#2"), started);
        gate.release("b");
        assertEquals(List.of("a#1", "b#1", "a#2", "c#1"), started);
        assertEquals(0, gate.waiting());
    }

    @Test
    void release_behindABacklogForOneSlowHost_doesNotPassOverThatBacklogEachTime() {
        CheckGate gate = new CheckGate(400, 8);
        ArrayDeque<String> running = new ArrayDeque<>();
        for (int i = 0; i < 50_000; i++) {
            gate.submit("nvr", () -> running.add("nvr")); // a slow recorder: 8 run, the rest wait first in line
        }
        for (int i = 0; i < 50_000; i++) {
            String host = "cam" + (i % 50);
            gate.submit(host, () -> running.add(host));
        }
        assertEquals(400, gate.running());

        // Each finished check starts the next; a pass over the nvr's waiting checks per release takes minutes.
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            while (!running.isEmpty()) {
                gate.release(running.poll());
            }
        });
        assertEquals(0, gate.waiting());
        assertEquals(0, gate.running());
    }
}
