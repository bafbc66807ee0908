package io.streampulse.bridge.sia;

import io.streampulse.shared.config.ReceiversSection.Sia;
import io.streampulse.shared.config.Secret;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SiaSettingsTest {

    @Test
    void from_config_parsesKeyAndDurations() {
        Sia sia = new Sia(true, "10.0.0.5", 12_000, Sia.Transport.UDP, Sia.Format.ADM_CID, "1234", "1", "2",
                new Secret(SiaVectors.KEY_256, true), 60, 10);
        SiaSettings settings = SiaSettings.from(sia);
        assertEquals(256, settings.cipher().keyBits());
        assertEquals(Duration.ofSeconds(60), settings.supervision());
        assertEquals(Duration.ofSeconds(10), settings.timeout());
        assertEquals(SiaSettings.DEFAULT_ATTEMPTS, settings.attempts());
        assertEquals("UDP 10.0.0.5:12000", settings.target());
        assertNull(settings.problem());
    }

    @Test
    void from_configWithoutKeyOrHost_plainAndReportsProblem() {
        Sia sia = new Sia(true, "", 12_000, Sia.Transport.TCP, Sia.Format.SIA_DCS, "1234", "0", "0", Secret.EMPTY,
                0, 10);
        SiaSettings settings = SiaSettings.from(sia);
        assertNull(settings.cipher());
        assertEquals("receivers.sia.host is not set", settings.problem());
    }

    @Test
    void problem_nonHexReceiverOrLine_named() {
        Sia sia = new Sia(true, "h", 1, Sia.Transport.TCP, Sia.Format.SIA_DCS, "1234", "R1", "0", Secret.EMPTY, 0, 10);
        assertEquals("receivers.sia.receiver must be 1-6 hex digits (got 'R1')", SiaSettings.from(sia).problem());
        Sia badLine = new Sia(true, "h", 1, Sia.Transport.TCP, Sia.Format.SIA_DCS, "1234", "1", "", Secret.EMPTY, 0,
                10);
        assertEquals("receivers.sia.line must be 1-6 hex digits (got '')", SiaSettings.from(badLine).problem());
    }
}
