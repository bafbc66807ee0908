package io.streampulse.monitor.schedule;

import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.probe.ProbeTarget;
import io.streampulse.monitor.state.StateTracker;
import io.streampulse.monitor.state.StreamState;
import io.streampulse.testkit.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scheduler's timing and limits, with checks answered by the test (the probes have their own tests). */
class ProbeSchedulerTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<CheckOutcome> outcomes = new CopyOnWriteArrayList<>();
    private ProbeScheduler scheduler;

    @AfterEach
    void tearDown() {
        scheduler.close();
        timer.shutdownNow();
    }

    private static StreamPlan plan(String id, String host, long intervalMs, long retryMs, int retries) {
        ProbeTarget target = new ProbeTarget(id, URI.create("rtsp://" + host + "/live"), "", "", Duration.ofSeconds(1),
                true);
        return new StreamPlan(id, id, target, intervalMs, retryMs, retries, false, 0, host);
    }

    private void start(CheckRunner checks, int global, int perHost, List<StreamPlan> plans) {
        scheduler = new ProbeScheduler(timer, new CheckGate(global, perHost), checks, outcomes::add,
                Clock.systemUTC(), new Random(1));
        scheduler.apply(plans, p -> new StateTracker(p.retries()));
    }

    private long beats(String id) {
        return outcomes.stream().filter(o -> o.plan().streamId().equals(id)).count();
    }

    @Test
    void apply_checksEachStreamAtItsIntervalWithoutDrift() {
        CheckRunner instant = (plan, n) -> CompletableFuture.completedFuture(
                ProbeResult.up(1, "ok", ProbeResult.CheckKind.RTSP, Map.of()));
        start(instant, 10, 10, List.of(plan("fast", "h1", 50, 50, 0), plan("slow", "h2", 200, 200, 0)));

        Eventually.await(Duration.ofSeconds(5), "20 beats of the 50 ms stream", () -> beats("fast") >= 20);

        long slow = beats("slow");
        assertTrue(slow >= 4 && slow <= 7, "the 200 ms stream ran " + slow + " times in the same ~1 s");
        List<Long> times = outcomes.stream().filter(o -> o.plan().streamId().equals("fast"))
                .map(o -> o.beat().tsMillis()).toList();
        long span = times.get(19) - times.get(0);
        assertTrue(span >= 19 * 50 - 20 && span <= 19 * 50 + 60, "19 intervals of 50 ms took " + span + " ms");
    }

    @Test
    void apply_failingStream_retriesAtTheRetryIntervalAndRecordsEveryBeat() {
        CheckRunner failing = (plan, n) -> CompletableFuture.completedFuture(
                ProbeResult.down(3, "connection refused", ProbeResult.CheckKind.RTSP));
        start(failing, 10, 10, List.of(plan("cam", "h1", 400, 40, 2)));

        Eventually.await(Duration.ofSeconds(3), "the stream going down", () -> outcomes.stream()
                .anyMatch(o -> o.beat().state() == StreamState.DOWN));

        List<Long> ts = outcomes.stream().map(o -> o.beat().tsMillis()).toList();
        assertEquals(List.of(StreamState.PENDING, StreamState.PENDING, StreamState.DOWN),
                outcomes.stream().limit(3).map(o -> o.beat().state()).toList());
        assertTrue(ts.get(1) - ts.get(0) < 200, "pending retries come after the 40 ms retry interval: " + ts);
    }

    @Test
    void apply_removedStream_isNoLongerChecked() {
        CheckRunner instant = (plan, n) -> CompletableFuture.completedFuture(
                ProbeResult.up(1, "ok", ProbeResult.CheckKind.RTSP, Map.of()));
        StreamPlan keep = plan("keep", "h1", 30, 30, 0);
        start(instant, 10, 10, List.of(keep, plan("drop", "h2", 30, 30, 0)));
        Eventually.await(Duration.ofSeconds(3), "both running", () -> beats("drop") >= 2 && beats("keep") >= 2);

        scheduler.apply(List.of(keep), p -> new StateTracker(0));
        long dropped = beats("drop");
        long kept = beats("keep");

        Eventually.await(Duration.ofSeconds(3), "ten more beats of the kept stream", () -> beats("keep") >= kept + 10);
        assertTrue(beats("drop") <= dropped + 1, "at most the check already in flight may finish");
        assertEquals(java.util.Set.of("keep"), scheduler.streamIds());
    }

    @Test
    void apply_hungChecks_neverExceedTheLimitsAndDoNotStopOtherHosts() {
        Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        AtomicInteger maxOnHung = new AtomicInteger();
        CheckRunner checks = (plan, n) -> {
            if (plan.host().equals("hung")) {
                int now = inFlight.computeIfAbsent("hung", k -> new AtomicInteger()).incrementAndGet();
                maxOnHung.accumulateAndGet(now, Math::max);
                return new CompletableFuture<>(); // a camera that never answers
            }
            return CompletableFuture.completedFuture(ProbeResult.up(1, "ok", ProbeResult.CheckKind.RTSP, Map.of()));
        };
        List<StreamPlan> plans = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            plans.add(plan("hung-" + i, "hung", 20, 20, 0));
        }
        plans.add(plan("healthy", "fine", 20, 20, 0));
        start(checks, 3, 2, plans);

        Eventually.await(Duration.ofSeconds(3), "the healthy stream still checked", () -> beats("healthy") >= 20);
        assertEquals(2, maxOnHung.get(), "at most max_checks_per_host checks on one host at once");
    }
}
