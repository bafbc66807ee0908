package io.streampulse.webgui.streams;

import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.StreamEntry;
import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.streams.support.FakeStreamsMonitor;
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
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Add, edit and delete round trips over real HTTP forms, checked in config.yaml on disk: keys and comments the
 * form does not know stay, passwords are stored encrypted and never sent back, a failed save changes nothing.
 */
class StreamEditorFormTest {

    static final String CONFIG = """
            # StreamPulse, written by hand
            heartbeat_seconds: 20
            streams:
              - name: Front door   # the porch camera
                url: rtsp://10.0.0.5/stream1
                id: front
                username: admin
                password: door-secret-1
                vendor_note: keep me
              - name: Yard
                url: http://10.0.0.6/video.mjpg
            custom_section:
              anything: 1
            """;

    @TempDir
    static Path dir;
    static FakeStreamsMonitor monitor;
    static WebguiServer server;
    static FormClient admin;

    @BeforeAll
    static void start() {
        monitor = new FakeStreamsMonitor();
        server = WebguiServer.start(dir, CONFIG, Map.of("streampulse.monitor.url", monitor.url().toString()));
        server.addUser("alice", "alice-password-1", Role.ADMIN);
        server.addUser("victor", "victor-password-1", Role.VIEWER);
        admin = new FormClient(server.url()).signIn("alice", "alice-password-1");
    }

    @AfterAll
    static void stop() {
        server.close();
        monitor.close();
    }

    @BeforeEach
    void freshConfig() {
        server.suite().writeConfig(CONFIG);
        server.bean(ConfigWatcher.class).checkNow();
    }

    private static String file() throws IOException {
        return Files.readString(server.suite().configPath());
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new HashMap<>(Map.of("enabled", "on", "tls_verify", "on", "check", "protocol"));
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static StreamEntry stream(String id) {
        return server.bean(ConfigWatcher.class).current().config().stream(id).orElseThrow();
    }

    @Test
    void add_writesTheEntryWithItsId_encryptsThePassword_andKeepsEverythingElse() throws IOException {
        admin.get("/streams/new");
        HttpResponse<String> saved = admin.post("/streams", fields("name", "Garage", "url",
                "rtsp://10.0.0.7:8554/live", "username", "cam", "password", "garage-pw-1", "interval_seconds", "30",
                "tags", "outdoor, east"));

        String id = StreamEntry.deriveId("Garage");
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("/streams/" + id + "?done=added", saved.headers().firstValue("Location").orElseThrow());
        String file = file();
        assertTrue(file.contains("- name: Garage"), file);
        assertTrue(file.contains("id: " + id), file);
        assertTrue(file.contains("interval_seconds: 30"), file);
        assertFalse(file.contains("garage-pw-1"), "stored encrypted:\n" + file);
        assertFalse(file.contains("door-secret-1"), "every stream password is encrypted by the writer:\n" + file);
        assertTrue(file.contains("# StreamPulse, written by hand") && file.contains("# the porch camera"), file);
        assertTrue(file.contains("vendor_note: keep me") && file.contains("custom_section:"), file);
        assertEquals("garage-pw-1", stream(id).password().value());
        assertEquals(java.util.List.of("outdoor", "east"), stream(id).tags());

        String list = admin.get("/streams").body();
        assertTrue(list.contains(">Garage</a>"), list);
        String edit = admin.get("/streams/" + id + "/edit").body();
        assertFalse(edit.contains("garage-pw-1"), "the password never goes back to the browser");
        assertFalse(edit.contains("enc:v1:"), "nor its encrypted form");
        assertTrue(edit.contains("placeholder=\"unchanged\""), edit);
    }

    @Test
    void edit_withABlankPassword_keepsTheStoredOne_andTheIdSoTheHistoryFollowsARename() throws IOException {
        admin.get("/streams/front/edit");
        HttpResponse<String> saved = admin.post("/streams/front", fields("name", "Front porch", "url",
                "rtsp://10.0.0.5/stream2", "username", "admin", "password", "", "check", "frame"));

        assertEquals(303, saved.statusCode(), saved.body());
        String file = file();
        assertTrue(file.contains("name: Front porch") && file.contains("check: frame"), file);
        assertTrue(file.contains("vendor_note: keep me"), file);
        StreamEntry front = stream("front");
        assertEquals("door-secret-1", front.password().value());
        assertEquals("rtsp://10.0.0.5/stream2", front.url());
        assertEquals(2, server.bean(ConfigWatcher.class).current().config().streams().size());
    }

    @Test
    void edit_aStreamWithoutAnId_writesItsDerivedIdOnce() throws IOException {
        String yard = StreamEntry.deriveId("Yard");
        admin.get("/streams/" + yard + "/edit");
        HttpResponse<String> saved = admin.post("/streams/" + yard, fields("name", "Back yard", "url",
                "http://10.0.0.6/video.mjpg"));

        assertEquals(303, saved.statusCode(), saved.body());
        assertTrue(file().contains("id: " + yard), file());
        assertEquals("Back yard", stream(yard).name());
    }

    @Test
    void aWrongForm_showsErrorsNextToTheFields_andChangesNothing() throws IOException {
        String before = file();
        admin.get("/streams/new");
        HttpResponse<String> refused = admin.post("/streams", fields("name", "front door", "url", "ftp://x/y",
                "password", "typed-secret-1", "retries", "-1"));

        assertEquals(400, refused.statusCode());
        String page = refused.body();
        assertTrue(page.contains("id=\"name-error\">Another stream is already called this.</p>"), page);
        assertTrue(page.contains("id=\"url-error\">The address must start with rtsp://"), page);
        assertTrue(page.contains("id=\"retries-error\""), page);
        assertTrue(page.contains("aria-describedby=\"url-error\""), page);
        assertFalse(page.contains("typed-secret-1"), "a typed password is not echoed back either");
        assertEquals(before, file());
    }

    @Test
    void aSaveTheWholeConfigWouldRefuse_showsItsProblems_andWritesNothing() throws IOException {
        admin.get("/streams/front/edit");
        String broken = CONFIG + "mqtt:\n  qos: 7\n"; // a hand edit elsewhere, after the UI loaded the config
        server.suite().writeConfig(broken);

        HttpResponse<String> refused = admin.post("/streams/front", fields("name", "Front door", "url",
                "rtsp://10.0.0.5/stream1", "username", "admin"));

        assertEquals(409, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("Nothing was saved: the whole config would not be valid."), refused.body());
        assertTrue(refused.body().contains("mqtt.qos"), refused.body());
        assertEquals(broken, file());
    }

    @Test
    void delete_asksFirst_thenRemovesOnlyThatEntry() throws IOException {
        String confirm = admin.get("/streams/front/delete").body();
        assertTrue(confirm.contains("id=\"delete-name\">Front door</strong>"), confirm);

        HttpResponse<String> notConfirmed = admin.post("/streams/front/delete", Map.of());
        assertEquals(303, notConfirmed.statusCode());
        assertTrue(file().contains("Front door"));

        HttpResponse<String> deleted = admin.post("/streams/front/delete", Map.of("confirm", "yes"));
        assertEquals(303, deleted.statusCode());
        assertEquals("/streams?done=deleted", deleted.headers().firstValue("Location").orElseThrow());
        String file = file();
        assertFalse(file.contains("Front door") || file.contains("vendor_note"), file);
        assertTrue(file.contains("name: Yard") && file.contains("custom_section:"), file);
        assertEquals(404, admin.get("/streams/front").statusCode());
    }

    @Test
    void aViewer_seesTheList_butCannotSave() throws IOException {
        FormClient viewer = new FormClient(server.url()).signIn("victor", "victor-password-1");
        String list = viewer.get("/streams").body();
        assertTrue(list.contains(">Front door</a>") && !list.contains("/streams/new"), list);
        assertEquals(403, viewer.get("/streams/front/edit").statusCode());

        HttpResponse<String> refused = viewer.post("/streams", fields("name", "Sneaky", "url", "rtsp://h/1"));
        assertEquals(403, refused.statusCode());
        assertFalse(file().contains("Sneaky"));
    }

    @Test
    void aScriptAsAName_isStoredAndShownAsText() throws IOException {
        String name = "<script>alert(1)</script>";
        admin.get("/streams/new");
        assertEquals(303, admin.post("/streams", fields("name", name, "url", "rtsp://10.0.0.9/x")).statusCode());

        String list = admin.get("/streams").body();
        assertTrue(list.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), list);
        assertFalse(list.contains(name));
        String page = admin.get("/streams/" + StreamEntry.deriveId(name)).body();
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains(name), page);
    }

    @Test
    void aPasswordInsideAStreamPulseUrl_isMaskedOnEveryPage_andKeptWhenTheMaskComesBack() throws IOException {
        server.suite().writeConfig("streams:\n  - name: Old cam\n    url: rtsp://admin:hunter22@10.0.0.8/live\n");
        server.bean(ConfigWatcher.class).checkNow();
        String id = StreamEntry.deriveId("Old cam");

        for (String path : new String[] {"/streams", "/streams/" + id, "/streams/" + id + "/edit"}) {
            String html = admin.get(path).body();
            assertFalse(html.contains("hunter22"), path + "\n" + html);
            assertTrue(html.contains("rtsp://admin:***@10.0.0.8/live"), path);
        }
        HttpResponse<String> saved = admin.post("/streams/" + id, fields("name", "Old cam", "url",
                "rtsp://admin:***@10.0.0.8/live", "tags", "legacy"));
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals("rtsp://admin:hunter22@10.0.0.8/live", stream(id).url());
    }
}
