package io.streampulse.monitor.schedule;

import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.state.Heartbeat;
import io.streampulse.monitor.state.StateTracker;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The check loop of one stream. Each check is due at a fixed phase (due + interval, skipping slots a slow check
 * overran), so there is no drift; a check runs only through the {@link CheckGate}; its result always becomes a
 * beat, so a failing stream keeps its history without gaps. One check at a time per stream.
 */
final class StreamRunner {

    private final ScheduledExecutorService timer;
    private final CheckGate gate;
    private final CheckRunner checks;
    private final Consumer<CheckOutcome> outcomes;
    private final Clock clock;
    private final StateTracker tracker;
    private volatile StreamPlan plan;
    private volatile long due;
    private volatile long count;
    private volatile boolean stopped;
    private ScheduledFuture<?> armed;

    StreamRunner(StreamPlan plan, StateTracker tracker, ScheduledExecutorService timer, CheckGate gate,
                 CheckRunner checks, Consumer<CheckOutcome> outcomes, Clock clock) {
        this.plan = plan;
        this.tracker = tracker;
        this.timer = timer;
        this.gate = gate;
        this.checks = checks;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    void start(long firstDue) {
        due = firstDue;
        arm();
    }

    StreamPlan plan() {
        return plan;
    }

    /** A changed plan applies from the next check; a shorter interval pulls the next check forward. */
    void update(StreamPlan next) {
        this.plan = next;
        long sooner = clock.millis() + next.intervalMs();
        if (sooner < due) {
            due = sooner;
            arm();
        }
    }

    void stop() {
        stopped = true;
        disarm();
    }

    private synchronized void arm() {
        disarm();
        if (!stopped) {
            armed = timer.schedule(() -> gate.submit(plan.host(), this::check), Math.max(0, due - clock.millis()),
                    TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void disarm() {
        if (armed != null) {
            armed.cancel(false);
        }
    }

    private void check() {
        StreamPlan current = plan;
        long started = clock.millis();
        long lag = Math.max(0, started - due);
        long n = count++;
        CompletableFuture<ProbeResult> result;
        try {
            result = checks.run(current, n);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        result.whenComplete((probe, error) -> finish(current, n, started, lag, probe, error));
    }

    private void finish(StreamPlan current, long n, long started, long lag, ProbeResult probe, Throwable error) {
        gate.release(current.host());
        if (stopped) {
            return;
        }
        // A probe bug must not stop the loop: it becomes a DOWN beat that says so.
        ProbeResult outcome = error == null ? probe : ProbeResult.down(clock.millis() - started,
                "check failed: " + error.getClass().getSimpleName(), current.kind(n));
        Heartbeat beat = tracker.record(current.streamId(), outcome, started);
        try {
            outcomes.accept(new CheckOutcome(current, outcome, beat, lag));
        } finally {
            long step = tracker.retrying() ? current.retryIntervalMs() : current.intervalMs();
            long next = due + step;
            long now = clock.millis();
            if (next < now) {
                next += ((now - next) / step + 1) * step;
            }
            due = next;
            arm();
        }
    }
}
