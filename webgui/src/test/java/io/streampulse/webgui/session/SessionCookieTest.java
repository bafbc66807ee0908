package io.streampulse.webgui.session;

import io.streampulse.webgui.support.WebguiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session cookie is Secure when a TLS-terminating proxy says the browser came over https. */
class SessionCookieTest {

    @TempDir
    Path dir;

    @Test
    void secure_behindAnHttpsProxy_notOnPlainHttp() throws Exception {
        try (WebguiServer server = WebguiServer.start(dir)) {
            server.addUser("ann", "ann-password-1", io.streampulse.webgui.account.Role.ADMIN);
            String proxied = sessionCookie(server, true);
            String plain = sessionCookie(server, false);

            assertTrue(proxied.contains("; Secure"), proxied);
            assertTrue(proxied.contains("HTTPOnly") || proxied.toLowerCase().contains("httponly"), proxied);
            assertFalse(plain.contains("Secure"), plain);
        }
    }

    private static String sessionCookie(WebguiServer server, boolean https) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url("/login")).header("Accept", "text/html");
        if (https) {
            request.header("X-Forwarded-Proto", "https");
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(SessionCookies.NAME + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
    }
}
