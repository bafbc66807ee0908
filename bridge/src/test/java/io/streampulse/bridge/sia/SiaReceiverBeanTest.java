package io.streampulse.bridge.sia;

import io.micronaut.context.ApplicationContext;
import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.bridge.receiver.Receiver;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.streampulse.bridge.sia.SiaEventCodesTest.event;
import static io.streampulse.bridge.sia.SiaEventCodesTest.mapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bridge's SIA bean follows receivers.sia in config.yaml: a new receiver address takes effect without restart. */
class SiaReceiverBeanTest {

    @TempDir
    Path dir;

    static String config(int port) {
        return "receivers:\n  sia:\n    enabled: true\n    host: 127.0.0.1\n    port: " + port
                + "\n    transport: tcp\n    account: '1234'\n    timeout_seconds: 2\n";
    }

    @Test
    void deliversToTheReceiverInTheConfigInForce() throws Exception {
        try (FakeSiaReceiver first = new FakeSiaReceiver(null); FakeSiaReceiver second = new FakeSiaReceiver(null)) {
            TempSuite suite = TempSuite.create(dir);
            suite.writeConfig(config(first.tcpPort()));
            try (ApplicationContext context = ApplicationContext.run(suite.properties())) {
                Receiver sia = context.getBeansOfType(Receiver.class).stream()
                        .filter(r -> r.name().equals("sia")).findFirst().orElseThrow();
                Delivery one = sia.deliver(event(AlertCause.OPEN, false), mapping(3)).get(10, TimeUnit.SECONDS);
                assertTrue(one.acknowledged(), one.answer());
                assertEquals(1, first.received().stream().filter(r -> !r.frame().id().equals("NULL")).count());

                String hash = suite.writeConfig(config(second.tcpPort()));
                Eventually.await(Duration.ofSeconds(5), "config " + hash + " applied",
                        () -> context.getBean(ConfigWatcher.class).current().hash().equals(hash));
                Eventually.await(Duration.ofSeconds(5), "the SIA bean follows the new address",
                        () -> context.getBean(SiaReceiverBean.class).details().get("target").toString()
                                .endsWith(":" + second.tcpPort()));
                Delivery two = sia.deliver(event(AlertCause.OPEN, true), mapping(3)).get(10, TimeUnit.SECONDS);
                assertTrue(two.acknowledged(), two.answer());
                assertEquals(1, second.received().stream().filter(r -> !r.frame().id().equals("NULL")).count());
            }
        }
    }
}
