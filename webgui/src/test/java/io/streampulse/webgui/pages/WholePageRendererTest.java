package io.streampulse.webgui.pages;

import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.support.FormClient;
import io.streampulse.webgui.support.WebguiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WholePageRendererTest {

    @TempDir
    Path dir;

    @Test
    void aTemplateThatFails_answers500_insteadOfLeavingTheRequestHanging_andPagesStillRender() {
        try (WebguiServer server = WebguiServer.start(dir, "streams: []\n", Map.of("test.broken-page", "true"))) {
            server.addUser("admin", "admin-password-1", Role.ADMIN);
            FormClient client = new FormClient(server.url()).signIn("admin", "admin-password-1");
            assertEquals(500, client.get("/test/broken-page").statusCode());
            var dashboard = client.get("/");
            assertEquals(200, dashboard.statusCode());
            assertEquals(true, dashboard.body().contains("id=\"streams-table\""), "a whole page");
        }
    }
}
