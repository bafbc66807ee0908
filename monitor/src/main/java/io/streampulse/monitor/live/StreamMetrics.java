package io.streampulse.monitor.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streampulse.monitor.schedule.CheckOutcome;
import io.streampulse.monitor.sla.SlaBoard;
import io.streampulse.monitor.state.StreamState;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * The monitor's Prometheus figures. StreamPulse 2.1.1's names are kept ({@code stream_up}, {@code stream_latency_ms},
 * {@code stream_last_seen_age_seconds}, {@code stream_uptime_streak_seconds}, {@code system_*_streams},
 * {@code system_up}) but done right: one family at a time, NaN instead of 999999 when nothing is known, a removed
 * stream's series removed, the streak measured from when the stream came up. Plus {@code stream_state} (0 down,
 * 1 up, 2 pending, 3 degraded), {@code streampulse_checks_total{kind,state}}, the schedule lag and
 * {@code stream_sla_ratio{window="24h"|"7d"|"30d"}} (the window a label, not part of the name).
 */
@Singleton
public class StreamMetrics implements Consumer<CheckOutcome> {

    private final MeterRegistry registry;
    private final StatusBoard board;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, List<Meter>> perStream = new ConcurrentHashMap<>();
    private final DistributionSummary lag;

    private final SlaBoard sla;

    public StreamMetrics(MeterRegistry registry, StatusBoard board, SlaBoard sla) {
        this.registry = registry;
        this.board = board;
        this.sla = sla;
        this.lag = DistributionSummary.builder("streampulse.check.schedule.lag.ms")
                .description("How late each check started after it was due (ms)")
                .publishPercentiles(0.5, 0.99).register(registry);
        system("system.total.streams", b -> b.all().size());
        system("system.ok.streams", b -> b.all().stream().filter(s -> s.state() == StreamState.UP).count());
        system("system.fail.streams", b -> b.all().stream().filter(s -> s.state() != null
                && s.state() != StreamState.UP).count());
        system("system.up", b -> !b.all().isEmpty() && b.all().stream().allMatch(s -> s.state() == StreamState.UP)
                ? 1 : 0);
    }

    @Override
    public void accept(CheckOutcome outcome) {
        lag.record(outcome.lagMs());
        Counter.builder("streampulse.checks").tag("kind", outcome.result().kind().name())
                .tag("state", outcome.beat().state().name()).register(registry).increment();
        perStream.computeIfAbsent(outcome.plan().streamId(), id -> register(id, outcome.plan().name()));
        if (perStream.size() <= board.size()) {
            return; // nothing removed since the last prune: skip the pass over every stream (hot at 5,000 streams)
        }
        perStream.keySet().removeIf(id -> {
            boolean gone = board.get(id).isEmpty();
            if (gone) {
                perStream.get(id).forEach(registry::remove);
            }
            return gone;
        });
    }

    private List<Meter> register(String id, String name) {
        List<Meter> meters = new ArrayList<>();
        meters.add(stream("stream.up", id, name, s -> s.state() == StreamState.UP ? 1 : 0));
        meters.add(stream("stream.state", id, name, s -> s.state() == null ? Double.NaN : switch (s.state()) {
            case DOWN -> 0;
            case UP -> 1;
            case PENDING -> 2;
            case DEGRADED -> 3;
        }));
        meters.add(stream("stream.latency.ms", id, name, s -> s.latencyMs() == null ? Double.NaN : s.latencyMs()));
        meters.add(stream("stream.last.seen.age.seconds", id, name, s -> s.ts() == null ? Double.NaN
                : (clock.millis() - s.ts()) / 1000.0));
        meters.add(stream("stream.uptime.streak.seconds", id, name, s -> s.state() != StreamState.UP
                || s.since() == null ? 0 : (clock.millis() - s.since()) / 1000.0));
        for (SlaBoard.Window window : SlaBoard.Window.values()) {
            meters.add(Gauge.builder("stream.sla.ratio", sla, b -> b.availability(id, window).orElse(Double.NaN))
                    .description("Time-weighted availability over the window (0..1)").tag("stream", name)
                    .tag("id", id).tag("window", window.label()).register(registry));
        }
        return meters;
    }

    private Meter stream(String metric, String id, String name, ToDoubleFunction<StreamStatus> value) {
        return Gauge.builder(metric, board, b -> b.get(id).map(value::applyAsDouble).orElse(Double.NaN))
                .tag("stream", name).tag("id", id).register(registry);
    }

    private void system(String metric, ToDoubleFunction<StatusBoard> value) {
        Gauge.builder(metric, board, value).register(registry);
    }
}
