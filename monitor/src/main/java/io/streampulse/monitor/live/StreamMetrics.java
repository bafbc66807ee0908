package io.streampulse.monitor.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.streampulse.monitor.probe.ProbeResult;
import io.streampulse.monitor.schedule.CheckOutcome;
import io.streampulse.monitor.sla.SlaBoard;
import io.streampulse.monitor.state.StreamState;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * The monitor's Prometheus figures. StreamPulse 2.1.1's names are kept ({@code stream_up}, {@code stream_latency_ms},
 * {@code stream_last_seen_age_seconds}, {@code stream_uptime_streak_seconds}, {@code system_*_streams},
 * {@code system_up}) but done right: one family at a time, NaN instead of 999999 when nothing is known, a removed
 * stream's series removed, the streak measured from when the stream came up. Plus {@code stream_state} (0 down,
 * 1 up, 2 pending, 3 degraded), {@code streampulse_checks_total{kind,state}}, the schedule lag and
 * {@code stream_sla_ratio{window="24h"|"7d"|"30d"}} (the window a label, not part of the name). The per-stream
 * families come from {@link StreamGauges} at scrape time; a check only counts and records its lag.
 */
@Singleton
public class StreamMetrics implements Consumer<CheckOutcome> {

    private final MeterRegistry registry;
    private final DistributionSummary lag;
    /** The checks counter per kind and state, looked up once (a registry lookup per check showed in profiles). */
    private final Counter[][] checks = new Counter[ProbeResult.CheckKind.values().length][StreamState.values().length];

    public StreamMetrics(MeterRegistry registry, PrometheusMeterRegistry prometheus, StatusBoard board, SlaBoard sla) {
        this.registry = registry;
        this.lag = DistributionSummary.builder("streampulse.check.schedule.lag.ms")
                .description("How late each check started after it was due (ms)")
                .publishPercentiles(0.5, 0.99).register(registry);
        prometheus.getPrometheusRegistry().register(new StreamGauges(board, sla, Clock.systemUTC()));
        system(board, "system.total.streams", b -> b.all().size());
        system(board, "system.ok.streams", b -> b.all().stream().filter(s -> s.state() == StreamState.UP).count());
        system(board, "system.fail.streams", b -> b.all().stream().filter(s -> s.state() != null
                && s.state() != StreamState.UP).count());
        system(board, "system.up", b -> !b.all().isEmpty()
                && b.all().stream().allMatch(s -> s.state() == StreamState.UP) ? 1 : 0);
    }

    @Override
    public void accept(CheckOutcome outcome) {
        lag.record(outcome.lagMs());
        ProbeResult.CheckKind kind = outcome.result().kind();
        StreamState state = outcome.beat().state();
        Counter counter = checks[kind.ordinal()][state.ordinal()];
        if (counter == null) {
            // Racing threads get the same meter back from the registry, so the unsynchronised store is harmless.
            counter = Counter.builder("streampulse.checks").tag("kind", kind.name()).tag("state", state.name())
                    .register(registry);
            checks[kind.ordinal()][state.ordinal()] = counter;
        }
        counter.increment();
    }

    private void system(StatusBoard board, String metric, ToDoubleFunction<StatusBoard> value) {
        Gauge.builder(metric, board, value).register(registry);
    }
}
