import io.streampulse.bridge.alert.AlertDispatcher;
import io.streampulse.bridge.alert.AlertEngine;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.alert.OfflineWatch;
import io.streampulse.bridge.alert.OutboxStore;
import io.streampulse.bridge.alert.RetryBackoff;
import io.streampulse.bridge.chekt.ChektReceiver;
import io.streampulse.bridge.chekt.ChektRetry;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.modbus.ModbusRelayReceiver;
import io.streampulse.bridge.receiver.Receiver;
import io.streampulse.bridge.sia.SiaReceiver;
import io.streampulse.bridge.sia.SiaSettings;
import io.streampulse.bridge.store.DeviceStore;
import io.streampulse.bridge.store.RedisLink;
import io.streampulse.bridge.yolink.DeviceUpdates;
import io.streampulse.bridge.yolink.YoLinkDeviceFeed;
import io.streampulse.bridge.yolink.YoLinkSession;
import io.streampulse.bridge.yolink.mqtt.ConnectLimiter;
import io.streampulse.bridge.yolink.mqtt.YoLinkMqttSubscriber;
import io.streampulse.bridge.yolink.support.FakeYoLinkCloud;
import io.streampulse.bridge.yolink.support.YoLinkBrokerPeer;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.shared.config.ReceiversSection;
import io.streampulse.shared.config.Secret;
import io.streampulse.testkit.RedisPeer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;

/**
 * YoLink-shaped door reports published to a real Mosquitto (standing in for YoLink's broker, as in the bridge's
 * end-to-end tests: the fake YoLink cloud issues the token, the broker's ACL admits only it), received by the
 * bridge's own YoLink session (cloud client, MQTT subscriber, parser, normalizer) and handed to the alert engine as
 * the bridge does, with a real Redis, the real outbox file (synchronous=FULL, group commit) and the real
 * SIA/CHEKT/Modbus receivers against the test sources' fakes on loopback, which run in a JVM of their own
 * ({@link BenchFakes}) with YoLink's cloud side, the publisher of the reports. Each report flips one of 200 doors
 * mapped to all three receivers; latency is the moment before the MQTT publish (System.nanoTime() in the fakes' JVM:
 * the same clock as ours, checked at start) to the receiver's acknowledgement (SIA ACK, CHEKT 2xx, coil write
 * answered); also the publish to engine-accept time (the MQTT leg alone).
 * Args: seconds per rate, then the rates (events/s).
 */
public final class BridgeBench {

    private static final int DOORS = 200;
    private static final double TARGET_P99_MS = 20;
    /** Report time (unique per report) to System.nanoTime() as the engine got it (the end of the MQTT leg). */
    private static final long ORIGIN = System.currentTimeMillis();
    private static final ReportMoments ENGINE_NANOS = new ReportMoments(ORIGIN);
    private static long reportMillis = ORIGIN;
    /** Report times from here on are the bench's own (before: the probe waiting for the subscription). */
    private static volatile long firstTimed = Long.MAX_VALUE;
    private static final LongPredicate TIMED = at -> at >= firstTimed;

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        Clock clock = Clock.systemUTC();
        Path data = Files.createTempDirectory("bench-bridge");
        try (RedisPeer redis = RedisPeer.start();
             FakesProcess fakes = FakesProcess.start("bench-token", DOORS);
             FakeYoLinkCloud cloud = doors(new FakeYoLinkCloud("ua_bench", "sec_bench", 7200));
             YoLinkBrokerPeer broker = new YoLinkBrokerPeer(FakeYoLinkCloud.HOME_ID, FakeYoLinkCloud.firstTokens(3))) {
            SiaSettings sia = new SiaSettings(true, "127.0.0.1", fakes.siaPort, ReceiversSection.Sia.Transport.TCP,
                    ReceiversSection.Sia.Format.SIA_DCS, "1234", "0", "0", null, Duration.ZERO, Duration.ofSeconds(2), 3);
            ReceiversSection.Chekt chekt = new ReceiversSection.Chekt(true, fakes.chektUrl,
                    new Secret("bench-token", false), 5);
            ReceiversSection.Modbus modbus = new ReceiversSection.Modbus(true, "127.0.0.1", fakes.relayPort, 3, 16,
                    ReceiversSection.Modbus.Mode.FOLLOWER, 200);
            List<TimedReceiver> all = List.of(
                    new TimedReceiver(new SiaReceiver(sia, clock), TIMED, ORIGIN),
                    new TimedReceiver(new ChektReceiver(() -> chekt, ChektReceiver.defaultClient(),
                            new ChektRetry(2, Duration.ofMillis(50)), clock), TIMED, ORIGIN),
                    new TimedReceiver(new ModbusRelayReceiver(() -> modbus, 1_000, clock), TIMED, ORIGIN));
            // RECEIVERS=sia (or chekt, modbus, a comma list): map the doors to those only, to see one lane's cost
            List<String> chosen = List.of(System.getenv().getOrDefault("RECEIVERS", "sia,chekt,modbus").split(","));
            List<TimedReceiver> receivers = all.stream().filter(r -> chosen.contains(r.name())).toList();
            Map<String, Receiver> byName = new LinkedHashMap<>();
            receivers.forEach(r -> byName.put(r.name(), r));
            Map<String, DeviceMapping> devices = new LinkedHashMap<>();
            for (int i = 0; i < DOORS; i++) {
                devices.put(door(i), new DeviceMapping(door(i), "Door " + i, Optional.of(i % 100 + 1),
                        Optional.of(i % 100 + 1), Optional.of(i % 16 + 1), 0, chosen));
            }
            RedisLink link = new RedisLink(redis.url());
            DeviceStore store = new DeviceStore(link, 10_000);
            OutboxStore outbox = new OutboxStore(data.resolve("outbox.db"), 10_000);
            AlertDispatcher dispatcher = new AlertDispatcher(outbox, n -> Optional.ofNullable(byName.get(n)),
                    new AlertDispatcher.Options(new RetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)),
                            Duration.ofSeconds(5), Duration.ofHours(1)), clock);
            AlertEngine engine = new AlertEngine(store, dispatcher, new OfflineWatch(clock), new AlertEngine.Listener() {
                @Override
                public void device(DeviceState state, boolean changed) {
                }

                @Override
                public void alert(AlertEvent event) {
                }
            });
            engine.configure(devices);
            dispatcher.configure(devices, byName.keySet());
            link.start();
            store.awaitLoaded(Duration.ofSeconds(3));
            dispatcher.start();
            DeviceUpdates toEngine = new DeviceUpdates() {
                @Override
                public void updated(DeviceState device) {
                    if (TIMED.test(device.lastSeenMillis())) {
                        ENGINE_NANOS.put(device.lastSeenMillis(), System.nanoTime());
                    }
                    engine.accept(device);
                }

                @Override
                public void listed(List<DeviceState> list) {
                    list.forEach(engine::accept);
                }
            };
            YoLinkDeviceFeed feed = new YoLinkDeviceFeed(List.of(toEngine), System::currentTimeMillis);
            YoLinkSession yolink = new YoLinkSession(new YoLinkSession.Settings(cloud.baseUrl(), "ua_bench",
                    "sec_bench", broker.host(), broker.port(), Duration.ofHours(1), YoLinkMqttSubscriber.BACKOFF,
                    ConnectLimiter.yolink()), feed);
            yolink.start();
            fakes.connect(broker.host(), broker.port());
            awaitSubscribed(fakes, feed);

            System.out.printf("bench/bridge: %d doors -> %s (SIA DC-09 over TCP, CHEKT HTTP, Modbus coil), loopback,"
                    + " reports published to Mosquitto, received by the bridge's YoLink session; target p99 <= %.0f ms%n",
                    DOORS, chosen, TARGET_P99_MS);
            // INJECT=engine: reports handed to the engine as the YoLink session does, without the MQTT leg (to see
            // the outbox and receivers alone, e.g. when a loaded machine starves Mosquitto)
            boolean viaMqtt = viaMqtt();
            Source source = viaMqtt ? new MqttSource(fakes)
                    : new LocalSource((door, open, at) -> toEngine.updated(report(door, open, at)));
            System.out.println(viaMqtt ? "source: MQTT publish by the fakes' JVM (YoLink's cloud side)"
                    : "source: the engine directly, from the bench's main thread (INJECT=engine)");
            // warm-up, not printed: 3 s at the highest rate asked for, so the JIT has compiled the paths that rate
            // takes before anything is measured (at 200/s the first seconds at 1,000/s were still compiling)
            int highest = Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).max().orElse(200);
            firstTimed = reportMillis + 1;
            run(source, receivers, outbox, fakes, Math.max(200, highest), 3, false);
            for (int i = 1; i < args.length; i++) {
                run(source, receivers, outbox, fakes, Integer.parseInt(args[i]), seconds, true);
            }
            yolink.close();
            dispatcher.close();
            all.forEach(BridgeBench::close);
            outbox.close();
            link.close();
        } finally {
            try (var files = Files.walk(data)) { // the outbox file of this run (a few MB each)
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /** Where the bench's reports enter. */
    private interface Source {
        /** Sends the reports paced; returns when the last one is sent. */
        void run(int rate, int count, long firstAt) throws Exception;

        /** System.nanoTime() before each report of the last run; asked only once every answer is in. */
        long[] sent() throws Exception;
    }

    /** INJECT=engine: the reports handed to the engine from the bench's main thread. */
    private static final class LocalSource implements Source {
        private final PacedReports reports = new PacedReports(DOORS);
        private final PacedReports.Sink sink;
        private long[] sent = new long[0];

        LocalSource(PacedReports.Sink sink) {
            this.sink = sink;
        }

        @Override
        public void run(int rate, int count, long firstAt) {
            sent = reports.run(rate, count, firstAt, sink);
        }

        @Override
        public long[] sent() {
            return sent;
        }
    }

    /** The reports published by YoLink's cloud side in the fakes' JVM. */
    private record MqttSource(FakesProcess fakes) implements Source {
        @Override
        public void run(int rate, int count, long firstAt) throws Exception {
            fakes.run(rate, count, firstAt);
        }

        @Override
        public long[] sent() throws Exception {
            return fakes.sent();
        }
    }

    private static void run(Source source, List<TimedReceiver> receivers, OutboxStore outbox, FakesProcess fakes,
                            int rate, int seconds, boolean print) throws Exception {
        int count = rate * seconds;
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        Duration fakesBefore = fakes.cpu();
        fakes.mark();
        ThreadCpu perThread = new ThreadCpu();
        Map<TimedReceiver, Integer> acksBefore = new java.util.HashMap<>();
        receivers.forEach(r -> acksBefore.put(r, r.ackNanos.size()));
        long enqueueBefore = outbox.enqueueCommits();
        long commitsBefore = outbox.commits();
        long firstAt = reportMillis + 1;
        reportMillis += count;
        source.run(rate, count, firstAt);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (TimedReceiver r : receivers) {
            // the answers of this run are counted, not looked up per key: a scan of every key every 20 ms took CPU
            // from the receivers on a 2-core machine
            while (r.ackNanos.size() < acksBefore.get(r) + count && System.nanoTime() < deadline) {
                Thread.sleep(20); // polling for the end of the run; nothing is timed by it
            }
        }
        double cpuPerReport = (os.getProcessCpuTime() - cpuBefore) / 1e6 / count;
        double fakesPerReport = fakes.cpu().minus(fakesBefore).toNanos() / 1e6 / count;
        String fakesThreads = fakes.threads(count);
        long[] sent = source.sent(); // after the CPU figures: turning 10,000 times into text is the bench's work
        long enqueues = outbox.enqueueCommits() - enqueueBefore;
        long commits = outbox.commits() - commitsBefore;
        if (!print) {
            return;
        }
        long[] mqtt = sinceSent(ENGINE_NANOS, firstAt, sent);
        System.out.printf("%,d events/s for %d s (%,d reports, %,d outbox rows written in %,d commits; with the"
                + " %,d answers %,d commits in all): publish -> engine (MQTT leg) p50 %.2f ms, p99 %.2f ms (%d of %d"
                + " arrived)%n", rate, seconds, count, count * receivers.size(), enqueues, count * receivers.size(),
                commits, mqtt.length == 0 ? 0 : mqtt[mqtt.length / 2] / 1000.0,
                mqtt.length == 0 ? 0 : mqtt[mqtt.length * 99 / 100] / 1000.0, mqtt.length, count);
        boolean viaMqtt = viaMqtt();
        System.out.printf("  CPU per report: bridge JVM %.2f ms (%s), fakes' JVM %.2f ms (%s); Mosquitto and Redis not"
                + " counted; load average %s%n", cpuPerReport, viaMqtt ? "the bridge alone"
                        : "with the bench's loop handing reports to the engine on main", fakesPerReport,
                viaMqtt ? "the receivers' fakes and YoLink's cloud publishing the reports" : "the receivers' fakes",
                loadAverage());
        System.out.printf("  bridge JVM CPU per report by thread: %s%n", perThread.perReport(count, 14));
        System.out.printf("  fakes' JVM CPU per report by thread: %s%n", fakesThreads);
        for (TimedReceiver r : receivers) {
            long[] micros = sinceSent(r.ackNanos, firstAt, sent);
            if (micros.length < count) {
                System.out.printf("  %-6s only %d of %d acknowledged; refused e.g. %s%n", r.name(), micros.length,
                        count, r.refused.values().stream().findFirst().orElse("-"));
                continue;
            }
            double p99 = micros[count * 99 / 100] / 1000.0;
            System.out.printf("  report -> %-6s ack: p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  ratio p99/target %.2f%n",
                    r.name(), micros[count / 2] / 1000.0, p99, micros[count - 1] / 1000.0, p99 / TARGET_P99_MS);
            long[] pickup = sinceSent(r.pickupNanos, firstAt, sent);
            if (pickup.length > 0) {
                System.out.printf("    of which report -> the lane's call (engine, outbox commit, lane queue): p50 %7.2f"
                        + " ms  p99 %7.2f ms  max %7.2f ms%n", pickup[pickup.length / 2] / 1000.0,
                        pickup[pickup.length * 99 / 100] / 1000.0, pickup[pickup.length - 1] / 1000.0);
                long[] exchange = java.util.stream.LongStream.range(firstAt, firstAt + count)
                        .filter(k -> r.pickupNanos.has(k) && r.ackNanos.has(k))
                        .map(k -> (r.ackNanos.get(k) - r.pickupNanos.get(k)) / 1_000).sorted().toArray();
                System.out.printf("    and the lane's call -> ack (the exchange): p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms%n",
                        exchange[exchange.length / 2] / 1000.0, exchange[exchange.length * 99 / 100] / 1000.0,
                        exchange[exchange.length - 1] / 1000.0);
                System.out.printf("    exchanges in all: %.2f s (the lanes' busy time waiting for answers); latency by"
                        + " second of the run (p50 ms): %s%n", Arrays.stream(exchange).sum() / 1e6,
                        bySecond(firstAt, sent, r, rate));
            }
        }
    }

    /** Reports published to the broker by the fakes' JVM, unless INJECT=engine hands them to the engine here. */
    private static boolean viaMqtt() {
        return !"engine".equals(System.getenv("INJECT"));
    }

    /** Micros from each report's send to its moment in {@code nanos} (report time to nanoTime), sorted. */
    private static long[] sinceSent(ReportMoments nanos, long firstAt, long[] sent) {
        return java.util.stream.IntStream.range(0, sent.length).filter(i -> nanos.has(firstAt + i))
                .mapToLong(i -> (nanos.get(firstAt + i) - sent[i]) / 1_000).sorted().toArray();
    }

    /** The median latency of the reports sent in each second of the run: a growing backlog shows as a rising line. */
    private static String bySecond(long firstAt, long[] sent, TimedReceiver r, int rate) {
        StringBuilder out = new StringBuilder();
        for (int from = 0; from + rate <= sent.length; from += rate) {
            long[] second = java.util.stream.IntStream.range(from, from + rate)
                    .mapToLong(i -> (r.ackNanos.get(firstAt + i) - sent[i]) / 1_000_000).sorted().toArray();
            out.append(second[second.length / 2]).append(' ');
        }
        return out.toString().trim();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static String door(int i) {
        return "door-" + i;
    }

    private static DeviceState report(int door, boolean open, long atMillis) {
        return new DeviceState(door(door), "Door " + door, "DoorSensor", DeviceKind.DOOR, open ? "open" : "closed",
                open ? Set.of(io.streampulse.bridge.alert.AlertCause.OPEN) : Set.of(), 100, -70, null, null, atMillis,
                true, Map.of("alertType", "normal"));
    }

    private static FakeYoLinkCloud doors(FakeYoLinkCloud cloud) {
        for (int i = 0; i < DOORS; i++) {
            cloud.withDevice(door(i), "Door " + i, "DoorSensor", "YS7704");
        }
        return cloud;
    }

    /** Publishes a probe report until the session's subscription delivers it (the device list comes first). */
    private static void awaitSubscribed(FakesProcess fakes, YoLinkDeviceFeed feed) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            // never older than the device list's states (the engine drops a report older than what it knows)
            reportMillis = Math.max(reportMillis, System.currentTimeMillis());
            long at = ++reportMillis;
            fakes.publish(0, at);
            Thread.sleep(100); // waiting for the broker's first delivery; nothing is timed yet
            if (feed.device(door(0)).map(d -> d.lastSeenMillis() == at).orElse(false)) {
                return;
            }
        }
        throw new IllegalStateException("the YoLink session did not receive the probe report within 30 s");
    }

    private static void close(TimedReceiver receiver) {
        try {
            receiver.close();
        } catch (Exception ignored) {
            // end of the run
        }
    }
}
