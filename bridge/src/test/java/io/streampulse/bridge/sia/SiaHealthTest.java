package io.streampulse.bridge.sia;

import io.streampulse.bridge.alert.AlertCause;
import io.streampulse.shared.config.ReceiversSection.Sia;
import io.streampulse.testkit.FreePorts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static io.streampulse.bridge.sia.SiaEventCodesTest.event;
import static io.streampulse.bridge.sia.SiaEventCodesTest.mapping;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiaHealthTest {

    @Test
    void details_beforeAndAfterAFailedMessage() {
        SiaSettings settings = new SiaSettings(true, "127.0.0.1", FreePorts.next(), Sia.Transport.TCP,
                Sia.Format.SIA_DCS, "1234", "0", "0", null, Duration.ZERO, Duration.ofMillis(200), 1);
        try (SiaReceiver receiver = new SiaReceiver(settings, Clock.systemUTC())) {
            SiaHealth health = new SiaHealth(receiver);
            assertTrue(health.healthy());
            assertEquals("none yet", health.details().get("last_answer"));

            receiver.deliver(event(AlertCause.OPEN, false), mapping(1)).join();
            Map<String, Object> details = health.details();
            assertFalse(health.healthy());
            assertEquals("TCP 127.0.0.1:" + settings.port(), details.get("target"));
            assertTrue(((String) details.get("last_error")).startsWith("connection failed"), details.toString());
            assertEquals(false, details.get("encrypted"));
        }
    }
}
