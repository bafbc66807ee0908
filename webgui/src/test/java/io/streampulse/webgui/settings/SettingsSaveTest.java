package io.streampulse.webgui.settings;

import io.streampulse.shared.config.ConfigParser;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.SecretBox;
import io.streampulse.shared.config.SuiteConfig;
import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.support.FakeBridgeApi;
import io.streampulse.webgui.support.FixedEnvironment;
import io.streampulse.webgui.support.FormClient;
import io.streampulse.webgui.support.WebguiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The settings page over real HTTP: saves keep what the form does not show, secrets stay on the server, tests. */
class SettingsSaveTest {

    static final String CONFIG = String.join("\n",
            "# site config, keep this comment",
            "heartbeat_seconds: 20",
            "future_section:   # a section this version does not know",
            "  knob: 11",
            "mqtt:",
            "  host: old.lan",
            "  password: hunter2-plain",
            "  api_status_url: http://localhost:7000/api/status",
            "yolink: {uaid: ua_site, secret_key: yolink-secret-plain}",
            "receivers:",
            "  chekt: {enabled: true, url: 'http://10.0.0.20:30003', api_token: chekt-token-plain}",
            "  sia: {key: 00112233445566778899AABBCCDDEEFF}",
            "streamer:",
            "  onvif: {password: onvif-pass-plain}",
            "streams: []",
            "devices:",
            "  d1: {chekt_zone: 3, relay_channel: 12}",
            "");

    @TempDir
    static Path dir;
    static FakeBridgeApi bridge;
    static WebguiServer server;
    static Path file;
    static FormClient admin;

    @BeforeAll
    static void start() {
        bridge = new FakeBridgeApi();
        server = WebguiServer.start(dir, CONFIG, Map.of("streampulse.bridge.url", bridge.url().toString(),
                FixedEnvironment.PROPERTY, "RTSP_PORT=9554"));
        server.addUser("alice", "alice-password-1", Role.ADMIN);
        server.addUser("victor", "victor-password-1", Role.VIEWER);
        file = server.suite().configPath();
        admin = new FormClient(server.url()).signIn("alice", "alice-password-1");
    }

    @AfterAll
    static void stop() {
        server.close();
        bridge.close();
    }

    @BeforeEach
    void freshConfig() throws IOException {
        Files.writeString(file, CONFIG);
        admin.get("/settings");
    }

    /** The MQTT form as the page submits it, with this host and port. */
    static Map<String, String> mqttForm(String host, String port) {
        Map<String, String> form = FormEditTest.mqttForm();
        form.put("host", host);
        form.put("port", port);
        form.put("protocol", "5");
        return form;
    }

    private SuiteConfig onDisk() throws IOException {
        return ConfigParser.parse(Files.readString(file), Map.of(), server.bean(SecretBox.class)).config()
                .orElseThrow();
    }

    @Test
    void aSettingsSaveRoundTrip_keepsKeysTheFormDoesNotShow() throws IOException {
        HttpResponse<String> saved = admin.post("/settings/mqtt", mqttForm("broker.lan", "1884"));

        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("/settings?saved=mqtt#mqtt", saved.headers().firstValue("Location").orElseThrow());
        String text = Files.readString(file);
        assertTrue(text.contains("# site config, keep this comment"), text);
        assertTrue(text.contains("# a section this version does not know"), text);
        assertTrue(text.contains("future_section:"), text);
        assertTrue(text.contains("knob: 11"), text);
        assertTrue(text.contains("api_status_url: http://localhost:7000/api/status"), text);
        assertFalse(text.contains("hunter2-plain"), "secrets are encrypted by the save: " + text);
        SuiteConfig config = onDisk();
        assertEquals("broker.lan", config.mqtt().host());
        assertEquals(1884, config.mqtt().port());
        assertEquals(1, config.mqtt().qos());
        assertEquals("hunter2-plain", config.mqtt().password().value(), "a blank password keeps the saved one");
        assertEquals(3, config.devices().get("d1").chektZone().orElseThrow());
        assertEquals("ua_site", config.yolink().uaid());
        HttpResponse<String> page = admin.get("/settings?saved=mqtt");
        assertTrue(page.body().contains("MQTT publisher saved."), "the notice after the redirect");
    }

    @Test
    void secrets_neverAppearInThePage_plainOrEncrypted() throws IOException {
        admin.post("/settings/timezone", Map.of("timezone", "Europe/Paris"));
        String text = Files.readString(file);
        String sealed = text.substring(text.indexOf("enc:v1:"), text.indexOf('\n', text.indexOf("enc:v1:")));

        String page = admin.get("/settings").body();

        for (String secret : new String[] {"hunter2-plain", "yolink-secret-plain", "chekt-token-plain",
                "onvif-pass-plain", "00112233445566778899AABBCCDDEEFF", "enc:v1:", sealed}) {
            assertFalse(page.contains(secret), "the page holds " + secret);
        }
        assertTrue(page.contains("saved; leave blank to keep"), "a saved secret shows as a placeholder");
        assertTrue(page.contains("Clear the saved value"));
    }

    @Test
    void aFailedValidation_writesNothing_andShowsTheErrorsNextToTheFields() throws IOException {
        String before = ConfigWatcher.sha256(Files.readAllBytes(file));
        Map<String, String> form = mqttForm("typed.lan", "70000");
        form.put("topic", "bad/#");
        form.put("password", "should-not-echo");

        HttpResponse<String> refused = admin.post("/settings/mqtt", form);

        assertEquals(400, refused.statusCode());
        assertEquals(before, ConfigWatcher.sha256(Files.readAllBytes(file)), "the file is untouched");
        String page = refused.body();
        assertTrue(page.contains("id=\"mqtt-port-error\""), page);
        assertTrue(page.contains("Enter a whole number from 1 to 65535."));
        assertTrue(page.contains("Enter a topic without the wildcards + and #."));
        assertTrue(page.contains("Nothing was saved: fix the marked fields."));
        assertTrue(page.contains("value=\"typed.lan\""), "what was typed stays in the form");
        assertFalse(page.contains("should-not-echo"), "a typed secret is not sent back either");
    }

    @Test
    void aSaveTheSharedValidationRefuses_writesNothing_andSaysWhatIsInTheWay() throws IOException {
        String before = ConfigWatcher.sha256(Files.readAllBytes(file));
        Map<String, String> form = Map.of("enabled", "on", "host", "10.0.0.40", "port", "502", "unit_id", "1",
                "channels", "8", "mode", "pulse", "pulse_ms", "1000");

        HttpResponse<String> refused = admin.post("/settings/modbus", form);

        assertEquals(400, refused.statusCode());
        assertEquals(before, ConfigWatcher.sha256(Files.readAllBytes(file)));
        assertTrue(refused.body().contains("&#39;devices.d1.relay_channel&#39; must be between 1 and 8 (got 12)"),
                refused.body());
        assertTrue(refused.body().contains("id=\"modbus-failure\""));
    }

    @Test
    void secretClear_removesIt_andAnotherSectionIsUntouched() throws IOException {
        Map<String, String> form = new java.util.HashMap<>(Map.of("enabled", "on", "url", "http://10.0.0.21:30003",
                "api_token", "", "api_token.clear", "on", "timeout_seconds", "7"));

        assertEquals(303, admin.post("/settings/chekt", form).statusCode());

        SuiteConfig config = onDisk();
        assertTrue(config.receivers().chekt().apiToken().isEmpty());
        assertEquals("http://10.0.0.21:30003", config.receivers().chekt().url());
        assertEquals("00112233445566778899AABBCCDDEEFF", config.receivers().sia().key().value());
    }

    @Test
    void streamerFieldSetByTheEnvironment_isDisabledAndNamed_andNotWritten() throws IOException {
        String page = admin.get("/settings").body();
        assertTrue(page.contains("set by the environment: RTSP_PORT=9554"), page);

        Map<String, String> form = new java.util.HashMap<>(Map.of("rtsp_port", "1234", "api_port", "8080",
                "onvif_port", "", "stream_name", "yolink-dashboard", "frame_rate", "2", "width", "1920",
                "height", "1080", "cycle_interval_ms", "10000", "onvif.enabled", "on", "onvif.username", "cam"));
        assertEquals(303, admin.post("/settings/streamer", form).statusCode());

        String text = Files.readString(file);
        assertFalse(text.contains("rtsp_port"), text);
        assertEquals(2, onDisk().streamer().frameRate());
    }

    @Test
    void sendTest_showsTheReceiversAnswer_throughTheBridge() {
        HttpResponse<String> chekt = admin.json("POST", "/settings/chekt/test", "{\"zone\": 5}");
        assertEquals(200, chekt.statusCode(), chekt.body());
        assertTrue(chekt.body().contains("\"ok\":true"), chekt.body());
        assertTrue(chekt.body().contains("HTTP 200"), chekt.body());
        assertTrue(bridge.testSends().contains("chekt {\"zone\":5}"), bridge.testSends().toString());

        HttpResponse<String> sia = admin.json("POST", "/settings/sia/test", "{\"zone\": 9}");
        assertEquals(503, sia.statusCode());
        assertTrue(sia.body().contains("receiver 'sia' is not configured or not enabled"), sia.body());

        HttpResponse<String> noChannel = admin.json("POST", "/settings/modbus/test", "{\"zone\": 2}");
        assertEquals(400, noChannel.statusCode());
    }

    @Test
    void yolinkTest_blankSecretUsesTheSavedOne_aWrongOneGetsTheCloudsRefusal() {
        HttpResponse<String> saved = admin.json("POST", "/settings/yolink/test",
                "{\"uaid\": \"ua_site\", \"secret_key\": \"\", \"api_url\": \"https://api.yosmart.com\"}");
        assertEquals(200, saved.statusCode(), saved.body());
        assertTrue(saved.body().contains("\"ok\":true"), saved.body());

        HttpResponse<String> wrong = admin.json("POST", "/settings/yolink/test",
                "{\"uaid\": \"ua_site\", \"secret_key\": \"nope\", \"api_url\": \"\"}");
        assertTrue(wrong.body().contains("\"ok\":false"), wrong.body());
        assertTrue(wrong.body().contains("Not Support"), wrong.body());
    }

    @Test
    void aConfigFileThatDoesNotParse_isReported_andNotOverwritten() throws IOException {
        Files.writeString(file, "mqtt: [broken\n");

        HttpResponse<String> page = admin.get("/settings");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("config.yaml on disk has errors"), page.body());
        assertTrue(page.body().contains("invalid YAML"));

        HttpResponse<String> refused = admin.post("/settings/mqtt", mqttForm("broker.lan", "1883"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("(fix config.yaml first)"), refused.body());
        assertEquals("mqtt: [broken\n", Files.readString(file), "a file we cannot read is never overwritten");
    }

    @Test
    void aSaveWithoutTheCsrfToken_is403_andWritesNothing() throws IOException {
        HttpResponse<String> forged = admin.postRaw("/settings/mqtt", mqttForm("evil.lan", "1883"));

        assertEquals(403, forged.statusCode());
        assertEquals(CONFIG, Files.readString(file));
    }

    @Test
    void aViewer_seesNoSaveOrTestButtons_andTheirSaveAndTestSendAreRefused() throws IOException {
        FormClient viewer = new FormClient(server.url()).signIn("victor", "victor-password-1");

        String page = viewer.get("/settings").body();
        assertTrue(page.contains("only an admin can change or test them"));
        assertFalse(page.contains("id=\"save-mqtt\""));
        assertEquals(403, viewer.json("POST", "/settings/chekt/test", "{\"zone\": 1}").statusCode());
        assertEquals(403, viewer.post("/settings/mqtt", mqttForm("evil.lan", "1883")).statusCode());
        assertTrue(bridge.testSends().stream().noneMatch(s -> s.contains("\"zone\":1")));
        assertEquals(CONFIG, Files.readString(file));
    }

    @Test
    void timezoneSelect_listsEveryZone_withTheSavedOneSelected() {
        String page = admin.get("/settings").body();

        assertTrue(page.contains("<option value=\"UTC\" selected=\"selected\">UTC</option>"), page);
        String select = page.substring(page.indexOf("id=\"timezone-timezone\""));
        select = select.substring(0, select.indexOf("</select>"));
        assertEquals(SettingsCatalog.ZONES.size(), select.split("<option ").length - 1, "every zone, once");
        assertTrue(select.contains(">Pacific/Auckland<"));
    }
}
