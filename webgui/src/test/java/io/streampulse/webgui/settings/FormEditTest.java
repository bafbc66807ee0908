package io.streampulse.webgui.settings;

import io.streampulse.shared.config.ConfigDocument;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading submitted settings forms into config edits: types, ranges, secrets, blanks, environment overrides. */
class FormEditTest {

    static final SettingsSection MQTT = SettingsCatalog.section("mqtt").orElseThrow();
    static final SettingsSection STREAMER = SettingsCatalog.section("streamer").orElseThrow();

    static Map<String, String> mqttForm() {
        Map<String, String> form = new HashMap<>(Map.ofEntries(
                Map.entry("enabled", "on"), Map.entry("host", "broker.lan"), Map.entry("port", "1884"),
                Map.entry("ws_port", "8000"), Map.entry("tls_port", "8883"), Map.entry("tls_ws_port", "8884"),
                Map.entry("username", "pub"), Map.entry("password", ""), Map.entry("client_id", ""),
                Map.entry("topic", "stream_monitor/status"), Map.entry("base_topic", "streampulse"),
                Map.entry("qos", "1"), Map.entry("interval_seconds", "10"), Map.entry("protocol", "3.1.1"),
                Map.entry("keepalive_seconds", "60"), Map.entry("discovery.enabled", "on"),
                Map.entry("discovery.prefix", "homeassistant"), Map.entry("ca_file", "")));
        return form;
    }

    @Test
    void read_validMqttForm_setsTypedValues_uncheckedBoxesFalse_blankOptionalsRemoved() {
        FormEdit edit = FormEdit.read(MQTT, mqttForm(), Set.of());

        assertTrue(edit.valid(), edit.errors().toString());
        assertEquals(1884, edit.sets().get("mqtt.port"));
        assertEquals(1, edit.sets().get("mqtt.qos"));
        assertEquals("3.1.1", edit.sets().get("mqtt.protocol"));
        assertEquals(true, edit.sets().get("mqtt.discovery.enabled"));
        assertEquals(false, edit.sets().get("mqtt.retain"));
        assertTrue(edit.removals().containsAll(List.of("mqtt.client_id", "mqtt.ca_file")), edit.removals().toString());
    }

    @Test
    void read_badValues_giveAnErrorPerFieldByPath_andNoEditsAreApplied() {
        Map<String, String> form = mqttForm();
        form.put("port", "70000");
        form.put("qos", "3");
        form.put("topic", "a/#");
        form.put("host", " ");
        form.put("interval_seconds", "ten");

        FormEdit edit = FormEdit.read(MQTT, form, Set.of());

        assertFalse(edit.valid());
        assertEquals("Enter a whole number from 1 to 65535.", edit.errors().get("mqtt.port"));
        assertEquals("Choose one of the listed values.", edit.errors().get("mqtt.qos"));
        assertEquals("Enter a topic without the wildcards + and #.", edit.errors().get("mqtt.topic"));
        assertEquals("Enter a value.", edit.errors().get("mqtt.host"));
        assertEquals("Enter a whole number from 5 to 86400.", edit.errors().get("mqtt.interval_seconds"));
    }

    @Test
    void read_secret_blankKeeps_valueReplaces_clearRemoves() {
        Map<String, String> form = mqttForm();
        assertFalse(FormEdit.read(MQTT, form, Set.of()).sets().containsKey("mqtt.password"));
        assertFalse(FormEdit.read(MQTT, form, Set.of()).removals().contains("mqtt.password"));

        form.put("password", " new secret ");
        assertEquals(" new secret ", FormEdit.read(MQTT, form, Set.of()).sets().get("mqtt.password"),
                "kept as typed");

        form.put("password.clear", "on");
        FormEdit cleared = FormEdit.read(MQTT, form, Set.of());
        assertTrue(cleared.removals().contains("mqtt.password"));
        assertFalse(cleared.sets().containsKey("mqtt.password"));
    }

    @Test
    void read_siaKey_mustBeHexOfAnAesLength() {
        SettingsSection sia = SettingsCatalog.section("sia").orElseThrow();
        Map<String, String> form = new HashMap<>(Map.of("port", "12000", "transport", "tcp", "format", "SIA-DCS",
                "receiver", "0", "line", "0", "supervision_seconds", "60", "timeout_seconds", "10",
                "account", "12G4", "key", "abc"));

        FormEdit edit = FormEdit.read(sia, form, Set.of());

        assertEquals("Use 3 to 16 hexadecimal characters.", edit.errors().get("receivers.sia.account"));
        assertEquals("Use 32, 48 or 64 hexadecimal characters (AES-128/192/256).",
                edit.errors().get("receivers.sia.key"));
    }

    @Test
    void read_streamerFieldsSetByTheEnvironment_areNotWritten() {
        Map<String, String> form = new HashMap<>(Map.of("rtsp_port", "1", "api_port", "8080", "onvif_port", "",
                "stream_name", "dash", "frame_rate", "2", "width", "1280", "height", "720",
                "cycle_interval_ms", "5000", "onvif.username", "admin"));

        FormEdit edit = FormEdit.read(STREAMER, form, Set.of("RTSP_PORT", "ENABLE_ONVIF"));

        assertTrue(edit.valid(), edit.errors().toString());
        assertFalse(edit.sets().containsKey("streamer.rtsp_port"), "overridden: not written even if submitted");
        assertFalse(edit.sets().containsKey("streamer.onvif.enabled"));
        assertEquals(2, edit.sets().get("streamer.frame_rate"));
        assertTrue(edit.removals().contains("streamer.onvif_port"), "blank ONVIF port follows the API port");
    }

    @Test
    void read_timezone_mustBeAnIanaZone_andApplyWritesTheTopLevelKey() {
        SettingsSection zone = SettingsCatalog.section("timezone").orElseThrow();
        assertEquals("Choose one of the listed values.",
                FormEdit.read(zone, Map.of("timezone", "Mars/Olympus"), Set.of()).errors().get("timezone"));

        ConfigDocument document = ConfigDocument.parse("timezone: UTC # shown times\nstreams: []\n");
        FormEdit.read(zone, Map.of("timezone", "Europe/Paris"), Set.of()).applyTo(document);

        assertEquals("Europe/Paris", document.get("timezone").orElseThrow());
        assertTrue(SettingsCatalog.ZONES.contains("America/Argentina/Buenos_Aires"));
        assertEquals(SettingsCatalog.ZONES.stream().sorted().toList(), SettingsCatalog.ZONES);
    }
}
