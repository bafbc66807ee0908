import io.streampulse.bridge.alert.AlertDispatcher;
import io.streampulse.bridge.alert.AlertEngine;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.alert.OfflineWatch;
import io.streampulse.bridge.alert.OutboxStore;
import io.streampulse.bridge.alert.RetryBackoff;
import io.streampulse.bridge.chekt.ChektFake;
import io.streampulse.bridge.chekt.ChektReceiver;
import io.streampulse.bridge.chekt.ChektRetry;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.device.DeviceState;
import io.streampulse.bridge.modbus.ModbusRelayReceiver;
import io.streampulse.bridge.modbus.RelayFake;
import io.streampulse.bridge.receiver.Receiver;
import io.streampulse.bridge.sia.FakeSiaReceiver;
import io.streampulse.bridge.sia.SiaReceiver;
import io.streampulse.bridge.sia.SiaSettings;
import io.streampulse.bridge.store.DeviceStore;
import io.streampulse.bridge.store.RedisLink;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Door reports injected at the alert engine (what BridgeRuntime.accept calls; the YoLink MQTT leg is not in this
 * path) with a real Redis, the real outbox file (synchronous=FULL) and the real SIA/CHEKT/Modbus receivers against
 * the test sources' fakes on loopback. Each report flips one of 200 doors mapped to all three receivers; latency is
 * accept() entry to the receiver's acknowledgement (SIA ACK, CHEKT 2xx, coil write answered).
 * Args: seconds per rate, then the rates (events/s).
 */
public final class BridgeBench {

    private static final int DOORS = 200;
    private static final double TARGET_P99_MS = 20;
    private static final Map<Long, Long> ACCEPTED = new ConcurrentHashMap<>();
    private static long reportMillis = System.currentTimeMillis();
    private static final boolean[] OPEN = new boolean[DOORS];

    public static void main(String[] args) throws Exception {
        int seconds = Integer.parseInt(args[0]);
        Clock clock = Clock.systemUTC();
        Path data = Files.createTempDirectory("bench-bridge");
        try (RedisPeer redis = RedisPeer.start();
             FakeSiaReceiver siaFake = new FakeSiaReceiver(null);
             ChektFake chektFake = new ChektFake("bench-token");
             RelayFake relayFake = new RelayFake(3, 16)) {
            SiaSettings sia = new SiaSettings(true, "127.0.0.1", siaFake.tcpPort(), ReceiversSection.Sia.Transport.TCP,
                    ReceiversSection.Sia.Format.SIA_DCS, "1234", "0", "0", null, Duration.ZERO, Duration.ofSeconds(2), 3);
            ReceiversSection.Chekt chekt = new ReceiversSection.Chekt(true, chektFake.url(),
                    new Secret("bench-token", false), 5);
            ReceiversSection.Modbus modbus = new ReceiversSection.Modbus(true, "127.0.0.1", relayFake.port(), 3, 16,
                    ReceiversSection.Modbus.Mode.FOLLOWER, 200);
            List<TimedReceiver> receivers = List.of(
                    new TimedReceiver(new SiaReceiver(sia, clock), ACCEPTED),
                    new TimedReceiver(new ChektReceiver(() -> chekt, ChektReceiver.defaultClient(),
                            new ChektRetry(2, Duration.ofMillis(50)), clock), ACCEPTED),
                    new TimedReceiver(new ModbusRelayReceiver(() -> modbus, 1_000, clock), ACCEPTED));
            Map<String, Receiver> byName = new LinkedHashMap<>();
            receivers.forEach(r -> byName.put(r.name(), r));
            Map<String, DeviceMapping> devices = new LinkedHashMap<>();
            for (int i = 0; i < DOORS; i++) {
                devices.put(door(i), new DeviceMapping(door(i), "Door " + i, Optional.of(i % 100 + 1),
                        Optional.of(i % 100 + 1), Optional.of(i % 16 + 1), 0, List.of("chekt", "sia", "modbus")));
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

            System.out.printf("bench/bridge: %d doors -> SIA DC-09 (TCP) + CHEKT HTTP + Modbus coil, loopback,"
                    + " injected at accept() (no MQTT leg); target p99 <= %.0f ms%n", DOORS, TARGET_P99_MS);
            run(engine, receivers, outbox, 200, 3, false);
            for (int i = 1; i < args.length; i++) {
                run(engine, receivers, outbox, Integer.parseInt(args[i]), seconds, true);
            }
            dispatcher.close();
            receivers.forEach(BridgeBench::close);
            outbox.close();
            link.close();
        }
    }

    private static void run(AlertEngine engine, List<TimedReceiver> receivers, OutboxStore outbox, int rate,
                            int seconds, boolean print) throws Exception {
        int count = rate * seconds;
        long[] keys = new long[count];
        long[] acceptMicros = new long[count];
        long commitsBefore = outbox.enqueueCommits();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            int door = i % DOORS;
            OPEN[door] = !OPEN[door];
            long at = ++reportMillis;
            keys[i] = at;
            long before = System.nanoTime();
            ACCEPTED.put(at, before);
            engine.accept(report(door, OPEN[door], at));
            acceptMicros[i] = (System.nanoTime() - before) / 1_000;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (TimedReceiver r : receivers) {
            while (Arrays.stream(keys).anyMatch(k -> !r.ackNanos.containsKey(k)) && System.nanoTime() < deadline) {
                Thread.sleep(20); // polling the fakes' answers for the end of the run; nothing is timed by it
            }
        }
        long commits = outbox.enqueueCommits() - commitsBefore;
        if (!print) {
            return;
        }
        Arrays.sort(acceptMicros);
        System.out.printf("%,d events/s for %d s (%,d reports, %,d outbox rows in %,d commits): accept() p50 %.2f ms,"
                + " p99 %.2f ms%n", rate, seconds, count, count * receivers.size(), commits,
                acceptMicros[count / 2] / 1000.0, acceptMicros[count * 99 / 100] / 1000.0);
        for (TimedReceiver r : receivers) {
            long[] micros = Arrays.stream(keys).filter(r.ackNanos::containsKey)
                    .map(k -> r.ackNanos.get(k) / 1_000).sorted().toArray();
            if (micros.length < count) {
                System.out.printf("  %-6s only %d of %d acknowledged; refused e.g. %s%n", r.name(), micros.length,
                        count, r.refused.values().stream().findFirst().orElse("-"));
                continue;
            }
            double p99 = micros[count * 99 / 100] / 1000.0;
            System.out.printf("  report -> %-6s ack: p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  ratio p99/target %.2f%n",
                    r.name(), micros[count / 2] / 1000.0, p99, micros[count - 1] / 1000.0, p99 / TARGET_P99_MS);
        }
    }

    private static String door(int i) {
        return "door-" + i;
    }

    private static DeviceState report(int door, boolean open, long atMillis) {
        return new DeviceState(door(door), "Door " + door, "DoorSensor", DeviceKind.DOOR, open ? "open" : "closed",
                open ? Set.of(io.streampulse.bridge.alert.AlertCause.OPEN) : Set.of(), 100, -70, null, null, atMillis,
                true, Map.of("alertType", "normal"));
    }

    private static void close(TimedReceiver receiver) {
        try {
            receiver.close();
        } catch (Exception ignored) {
            // end of the run
        }
    }
}
