package io.streampulse.bridge.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.streampulse.bridge.support.BridgeProcess;
import io.streampulse.bridge.yolink.support.FakeYoLinkCloud;
import io.streampulse.testkit.FreePorts;
import io.streampulse.testkit.RedisExtension;
import io.streampulse.testkit.TempSuite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static io.streampulse.bridge.api.ReceiversApiTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /api/yolink/test against the fake YoLink cloud: given credentials, saved ones, refused ones. */
class YoLinkTestApiTest {

    @RegisterExtension
    final RedisExtension redis = new RedisExtension();

    @TempDir
    Path dir;
    FakeYoLinkCloud cloud;
    BridgeProcess bridge;

    @BeforeEach
    void start() {
        cloud = new FakeYoLinkCloud("ua_site", "sec_right", 7200);
    }

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
        cloud.close();
    }

    private void startBridge(String yolinkSection) {
        TempSuite suite = TempSuite.create(dir);
        suite.writeConfig("redis: {url: '" + redis.url() + "'}\n" + yolinkSection);
        bridge = new BridgeProcess(suite);
    }

    @Test
    void givenCredentials_rightOnes_answerOkWithTheHome() {
        startBridge("");
        JsonNode answer = ok(bridge.post("/api/yolink/test", "{\"uaid\": \"ua_site\", \"secret_key\": \"sec_right\","
                + " \"api_url\": \"" + cloud.baseUrl() + "\"}"));

        assertTrue(answer.get("ok").asBoolean(), answer.toString());
        assertEquals(FakeYoLinkCloud.HOME_ID, answer.get("home_id").asText());
        assertEquals(1, cloud.tokensIssued());
    }

    @Test
    void givenCredentials_wrongSecret_answerTheCloudsRefusal() {
        startBridge("");
        JsonNode answer = ok(bridge.post("/api/yolink/test", "{\"uaid\": \"ua_site\", \"secret_key\": \"nope\","
                + " \"api_url\": \"" + cloud.baseUrl() + "\"}"));

        assertFalse(answer.get("ok").asBoolean(), answer.toString());
        assertEquals("CREDENTIALS_REJECTED", answer.get("reason").asText());
        assertTrue(answer.get("message").asText().contains("Not Support"), answer.toString());
    }

    @Test
    void blankFields_fallBackToTheSavedCredentials() {
        // the saved section starts a session too; its MQTT goes nowhere, which this test does not need
        startBridge("yolink: {uaid: ua_site, secret_key: sec_right, api_url: '" + cloud.baseUrl()
                + "', mqtt_host: 127.0.0.1, mqtt_port: " + FreePorts.next() + "}\n");
        JsonNode answer = ok(bridge.post("/api/yolink/test", "{\"uaid\": \"\", \"secret_key\": \"\"}"));

        assertTrue(answer.get("ok").asBoolean(), answer.toString());
    }

    @Test
    void nothingToTest_orBadBody_is400() {
        startBridge("");
        assertError(400, "no UAID or secret key to test", bridge.post("/api/yolink/test", ""));
        assertError(400, "the body is not a JSON object", bridge.post("/api/yolink/test", "uaid=x"));
        assertError(400, "yolink.api_url must be an http(s) URL", bridge.post("/api/yolink/test",
                "{\"uaid\": \"a\", \"secret_key\": \"b\", \"api_url\": \"ftp://x\"}"));
        assertEquals(0, cloud.tokensIssued());
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return BridgeProcess.json(response);
    }
}
