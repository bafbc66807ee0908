package io.streampulse.monitor.schedule;

import io.streampulse.monitor.state.StateTracker;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs every stream's check loop. {@link #apply} takes the full set of plans after each config change: new streams
 * start at a random point of their first interval (so 5,000 streams do not fire together), removed ones stop and
 * their in-flight check is discarded, changed ones continue with their state.
 */
public final class ProbeScheduler implements AutoCloseable {

    private final ScheduledExecutorService timer;
    private final CheckGate gate;
    private final CheckRunner checks;
    private final Consumer<CheckOutcome> outcomes;
    private final Clock clock;
    private final Random jitter;
    private final Map<String, StreamRunner> runners = new HashMap<>();

    public ProbeScheduler(ScheduledExecutorService timer, CheckGate gate, CheckRunner checks,
                          Consumer<CheckOutcome> outcomes, Clock clock, Random jitter) {
        this.timer = timer;
        this.gate = gate;
        this.checks = checks;
        this.outcomes = outcomes;
        this.clock = clock;
        this.jitter = jitter;
    }

    /**
     * Makes the running set equal to {@code plans}. {@code trackers} gives a new stream's state machine (resumed
     * from storage where the stream has history).
     */
    public synchronized void apply(Collection<StreamPlan> plans, Function<StreamPlan, StateTracker> trackers) {
        Map<String, StreamPlan> wanted = new HashMap<>();
        plans.forEach(plan -> wanted.put(plan.streamId(), plan));
        for (String id : Set.copyOf(runners.keySet())) {
            if (!wanted.containsKey(id)) {
                runners.remove(id).stop();
            }
        }
        wanted.forEach((id, plan) -> {
            StreamRunner runner = runners.get(id);
            if (runner == null) {
                runner = new StreamRunner(plan, trackers.apply(plan), timer, gate, checks, outcomes, clock);
                runners.put(id, runner);
                runner.start(clock.millis() + (long) (jitter.nextDouble() * plan.intervalMs()));
            } else if (!runner.plan().equals(plan)) {
                runner.update(plan);
            }
        });
    }

    public synchronized Set<String> streamIds() {
        return Set.copyOf(runners.keySet());
    }

    @Override
    public synchronized void close() {
        runners.values().forEach(StreamRunner::stop);
        runners.clear();
    }
}
