package io.streampulse.bridge.sia;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.shared.config.ReceiversSection.Sia.Format;
import io.streampulse.shared.config.ReceiversSection.Sia.Transport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

import static io.streampulse.bridge.sia.SiaEventCodesTest.event;
import static io.streampulse.bridge.sia.SiaEventCodesTest.mapping;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deliver() to ACK on loopback against the fake receiver, one message outstanding (DC-09's TCP rule), 2,000
 * messages after 500 warm-up ones; prints p50/p99/max. Not part of the default run (name does not end in Test):
 * {@code mvn -B -o -pl bridge -am test -Dtest=SiaDeliveryLatencyBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SiaDeliveryLatencyBench {

    private static final int WARM_UP = 500;
    private static final int MESSAGES = 2_000;

    @ParameterizedTest(name = "{0} key={1}")
    @CsvSource(value = {"TCP, ''", "UDP, ''", "TCP, " + SiaVectors.KEY_256, "UDP, " + SiaVectors.KEY_256},
            emptyValue = "")
    void deliver_loopback_latency(Transport transport, String key) throws Exception {
        String hexKey = key.isEmpty() ? null : key;
        try (FakeSiaReceiver fake = new FakeSiaReceiver(hexKey)) {
            int port = transport == Transport.TCP ? fake.tcpPort() : fake.udpPort();
            SiaSettings settings = new SiaSettings(true, "127.0.0.1", port, transport, Format.SIA_DCS, "1234", "0",
                    "0", hexKey == null ? null : SiaCipher.fromHex(hexKey), Duration.ZERO, Duration.ofSeconds(2), 3);
            try (SiaReceiver sender = new SiaReceiver(settings, Clock.systemUTC())) {
                long[] micros = new long[MESSAGES];
                for (int i = 0; i < WARM_UP + MESSAGES; i++) {
                    long start = System.nanoTime();
                    Delivery delivery = sender.deliver(event(AlertCause.OPEN, i % 2 == 1), mapping(1)).join();
                    long took = (System.nanoTime() - start) / 1_000;
                    assertTrue(delivery.acknowledged(), delivery.answer());
                    if (i >= WARM_UP) {
                        micros[i - WARM_UP] = took;
                    }
                }
                Arrays.sort(micros);
                System.out.printf("SIA %s %s: p50 %d µs, p99 %d µs, max %d µs over %d messages%n", transport,
                        hexKey == null ? "plain" : "AES-256", micros[MESSAGES / 2], micros[MESSAGES * 99 / 100],
                        micros[MESSAGES - 1], MESSAGES);
            }
        }
    }
}
