package io.streampulse.monitor.schedule;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.streampulse.monitor.history.HistoryReads;
import io.streampulse.monitor.live.StatusBoard;
import io.streampulse.monitor.live.StreamStatus;
import io.streampulse.monitor.state.Heartbeat;
import io.streampulse.monitor.state.StateTracker;
import io.streampulse.shared.config.ConfigChange;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.StreamEntry;
import io.streampulse.shared.config.SuiteConfig;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Keeps the checks in step with config.yaml: at start and after every change that touches {@code streams},
 * {@code heartbeat_seconds} or {@code monitor}, the enabled streams become plans for the scheduler and the board.
 * Each finished check goes to the board (API, events) and to the beat sinks (storage, metrics). A stream with
 * history resumes where it was: its state and since come from the stored beats, so a restart invents no event.
 */
@Context
@Requires(beans = CheckRunner.class)
public class MonitorRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorRuntime.class);
    private static final Set<String> RELEVANT = Set.of("streams", "heartbeatSeconds", "monitor");

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "check-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final ProbeScheduler scheduler;
    private final StatusBoard board;
    private final HistoryReads history;

    public MonitorRuntime(ConfigWatcher config, CheckRunner checks, StatusBoard board, HistoryReads history,
                          List<Consumer<CheckOutcome>> sinks) {
        this.board = board;
        this.history = history;
        SuiteConfig current = config.current().config();
        CheckGate gate = new CheckGate(current.monitor().maxConcurrentChecks(), current.monitor().maxChecksPerHost());
        this.scheduler = new ProbeScheduler(timer, gate, checks, outcome -> {
            board.record(outcome);
            sinks.forEach(sink -> sink.accept(outcome));
        }, Clock.systemUTC(), new Random());
        apply(current);
        config.subscribe(this::onChange);
    }

    private void onChange(ConfigChange change) {
        if (change.changedSections().stream().anyMatch(RELEVANT::contains)) {
            apply(change.current().config());
        }
    }

    private void apply(SuiteConfig config) {
        List<StreamPlan> plans = config.streams().stream().filter(StreamEntry::enabled)
                .map(entry -> StreamPlan.of(entry, config.heartbeatSeconds(), config.monitor())).toList();
        board.track(plans);
        Map<String, Heartbeat> changes = history.lastChanges();
        Map<String, Heartbeat> latest = history.latestBeats();
        for (StreamPlan plan : plans) {
            Heartbeat change = changes.get(plan.streamId());
            Heartbeat beat = latest.get(plan.streamId());
            if (change != null && beat != null) {
                board.restore(new StreamStatus(plan.streamId(), plan.name(), beat.state(), change.tsMillis(),
                        beat.tsMillis(), beat.latencyMs(), beat.message(), beat.kind().name(), beat.important(),
                        Map.of()));
            }
        }
        scheduler.apply(plans, plan -> {
            Heartbeat change = changes.get(plan.streamId());
            return change == null ? new StateTracker(plan.retries())
                    : StateTracker.resume(plan.retries(), change.state(), change.tsMillis());
        });
        LOG.info("Checking {} streams", plans.size());
    }

    @PreDestroy
    void stop() {
        scheduler.close();
        timer.shutdownNow();
    }
}
