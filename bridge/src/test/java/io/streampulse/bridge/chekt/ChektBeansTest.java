package io.streampulse.bridge.chekt;

import io.micronaut.context.ApplicationContext;
import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.bridge.alert.AlertEvent;
import io.streampulse.bridge.device.DeviceKind;
import io.streampulse.bridge.receiver.Delivery;
import io.streampulse.bridge.receiver.Receiver;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.shared.health.HealthController;
import io.streampulse.shared.health.HealthReport;
import io.streampulse.testkit.Eventually;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CHEKT receiver inside the bridge's application context: found as a Receiver, fed by config.yaml (reload
 * included), reported by the /health controller (called as a bean: an HTTP server adds seconds and proves nothing
 * about this receiver).
 */
class ChektBeansTest {

    @TempDir
    Path dir;
    private FakeChektBridge bridge;
    private ApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
        bridge.close();
    }

    private String config(String token) {
        return "receivers:\n  chekt:\n    enabled: true\n    url: " + bridge.url() + "\n    api_token: " + token
                + "\n    timeout_seconds: 2\ndevices:\n  d-door:\n    name: Front door\n    chekt_zone: 4\n"
                + "    receivers: [chekt]\n";
    }

    @Test
    void chektBean_deliversPerTheConfigInForceAndShowsOnHealth() throws Exception {
        bridge = new FakeChektBridge("good");
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig(config("good"));
        context = ApplicationContext.run(new HashMap<>(suite.properties()));
        Receiver chekt = context.getBeansOfType(Receiver.class).stream()
                .filter(r -> r.name().equals("chekt")).findFirst().orElseThrow();
        DeviceMapping mapping = context.getBean(ConfigWatcher.class).current().config().devices().get("d-door");
        AlertEvent leak = new AlertEvent("ev-1", "d-door", "Front door", DeviceKind.DOOR, AlertCause.OPEN, false, 1L);

        Delivery first = chekt.deliver(leak, mapping).get(10, TimeUnit.SECONDS);
        assertTrue(first.acknowledged(), first.answer());
        assertEquals("4", bridge.accepted().get(0).zone());

        String hash = suite.writeConfig(config("rotated"));
        Eventually.await(Duration.ofSeconds(5), "config " + hash + " applied",
                () -> context.getBean(ConfigWatcher.class).current().hash().equals(hash));
        Delivery second = chekt.deliver(leak, mapping).get(10, TimeUnit.SECONDS);

        assertFalse(second.acknowledged());
        HealthReport.Component component = context.getBean(HealthController.class).health().components().get("chekt");
        assertEquals("DEGRADED", component.status(), component.toString());
        assertEquals(second.answer(), component.details().get("last_error"));
    }
}
