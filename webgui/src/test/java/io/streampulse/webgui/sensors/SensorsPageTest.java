package io.streampulse.webgui.sensors;

import io.streampulse.shared.config.ConfigParser;
import io.streampulse.shared.config.DeviceMapping;
import io.streampulse.shared.config.SecretBox;
import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.support.FakeBridgeApi;
import io.streampulse.webgui.support.FormClient;
import io.streampulse.webgui.support.SampleSite;
import io.streampulse.webgui.support.WebguiServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.streampulse.webgui.support.SampleSite.FRONT_DOOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /sensors and /sensors/{id} over real HTTP against a fake bridge: devices, mappings, delivery log, bridge down. */
class SensorsPageTest {

    static final String CONFIG = "# my site\nstreams: []\nfuture: {keep: me}\n" + SampleSite.devicesYaml();

    @TempDir
    static Path dir;
    static FakeBridgeApi bridge;
    static WebguiServer server;
    static FormClient admin;

    @BeforeAll
    static void start() {
        bridge = SampleSite.bridge(System.currentTimeMillis());
        server = WebguiServer.start(dir, CONFIG, Map.of("streampulse.bridge.url", bridge.url().toString()));
        server.addUser("alice", "alice-password-1", Role.ADMIN);
        admin = new FormClient(server.url()).signIn("alice", "alice-password-1");
    }

    @AfterAll
    static void stop() {
        server.close();
        bridge.close();
    }

    @Test
    void list_showsTheBridgesDevices_withTheirMappings_andMappedDevicesTheBridgeLacks() {
        String page = admin.get("/sensors").body();

        assertEquals(11, page.split("<tr id=\"sensor-").length - 1, "10 from the bridge + 1 only in config");
        assertTrue(page.contains("Front door") && page.contains("Siren outlet") && page.contains("Old shed door"));
        assertTrue(page.contains("LOW_BATTERY"), "active causes shown");
        assertTrue(page.contains("-97 dBm") && page.contains("25 %"));
        assertFalse(page.contains("bridge-banner"));
    }

    @Test
    void devicePage_showsTheDeliveryLog_withEachReceiversAnswer() {
        String page = admin.get("/sensors/" + FRONT_DOOR).body();

        assertTrue(page.contains("ACK seq 0043"), page);
        assertTrue(page.contains("NAK, resent with receiver time: ACK seq 0042"));
        assertTrue(page.contains("HTTP 200 {&quot;result&quot;:&quot;ok&quot;}"), "answers are escaped text");
        assertTrue(page.contains("connection refused by 10.0.0.20:30003"));
        assertTrue(page.contains("open restored"));
        assertFalse(page.contains("coil 4 on"), "another device's delivery");
        assertTrue(page.contains("value=\"120\""), "the door-prop timeout from config");
        assertTrue(page.contains("restore: open") && page.contains("open, active [OPEN]"), "recent events");
    }

    @Test
    void saveMapping_writesTheDevicesKeys_andKeepsTheRest() throws IOException {
        String id = "d88b4c0100000c02";
        admin.get("/sensors/" + id);
        Map<String, String> form = new HashMap<>(Map.of("name", "Kitchen sink leak", "chekt_zone", "14",
                "sia_zone", "14", "relay_channel", "", "receiver.chekt", "on", "receiver.sia", "on"));

        HttpResponse<String> saved = admin.post("/sensors/" + id + "/mapping", form);

        assertEquals(303, saved.statusCode(), saved.body());
        String text = Files.readString(server.suite().configPath());
        assertTrue(text.contains("# my site") && text.contains("keep: me"), text);
        DeviceMapping mapping = ConfigParser.parse(text, Map.of(), server.bean(SecretBox.class)).config()
                .orElseThrow().devices().get(id);
        assertEquals(14, mapping.chektZone().orElseThrow());
        assertEquals(List.of("chekt", "sia"), mapping.receivers());
        assertEquals(0, mapping.doorPropSeconds());
        assertTrue(text.contains("retired0000000001"), "other mappings stay");
        assertTrue(admin.get("/sensors/" + id + "?saved=1").body().contains("Mapping saved."));
    }

    @Test
    void saveMapping_badChannel_writesNothing_andSaysWhy() throws IOException {
        admin.get("/sensors/" + FRONT_DOOR);
        byte[] before = Files.readAllBytes(server.suite().configPath());

        HttpResponse<String> refused = admin.post("/sensors/" + FRONT_DOOR + "/mapping",
                Map.of("relay_channel", "99", "door_prop", "on", "door_prop_seconds", "0"));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Enter a whole number from 1 to 16, or leave it blank."));
        assertTrue(refused.body().contains("id=\"door_prop_seconds-error\""));
        assertEquals(new String(before), Files.readString(server.suite().configPath()));
    }

    @Test
    void bridgeDown_thePagesStillShowTheMappings_underABanner() throws IOException {
        bridge.stop();
        try {
            String list = admin.get("/sensors").body();
            assertTrue(list.contains("id=\"bridge-banner\""), list);
            assertTrue(list.contains("is not reachable"), list);
            int mapped = ConfigParser.parse(Files.readString(server.suite().configPath()), Map.of(),
                    server.bean(SecretBox.class)).config().orElseThrow().devices().size();
            assertEquals(mapped, list.split("<tr id=\"sensor-").length - 1, "every mapping in config.yaml");
            assertTrue(list.contains("Front door") && list.contains("Old shed door"));

            String device = admin.get("/sensors/" + FRONT_DOOR).body();
            assertTrue(device.contains("id=\"bridge-banner\""));
            assertTrue(device.contains("The delivery log is kept by the bridge, which cannot be reached."));
            assertTrue(device.contains("value=\"120\""), "the mapping form still works from config");
        } finally {
            bridge.start();
        }
    }
}
