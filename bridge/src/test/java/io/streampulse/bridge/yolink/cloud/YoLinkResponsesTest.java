package io.streampulse.bridge.yolink.cloud;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Answers as doc.yosmart.com shows them (token, BUDP of Home.getDeviceList) and as seen in the wild (errors). */
class YoLinkResponsesTest {

    @Test
    void token_documentedAnswer_tokenWithLifetime() throws Exception {
        AccessToken token = YoLinkResponses.token(200, "{\"access_token\":\"abc\",\"token_type\":\"bearer\","
                + "\"expires_in\":7200,\"refresh_token\":\"r\",\"scope\":[\"create\"]}", 1000);

        assertEquals("abc", token.value());
        assertEquals(1000 + 7_200_000, token.expiresAtMillis());
        assertEquals(1000 + 5_760_000, token.renewAtMillis());
        assertTrue(!token.toString().contains("abc"), "the token never shows in logs");
    }

    @ParameterizedTest(name = "HTTP {0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "200|{\"state\":\"error\",\"msg\":\"Not Support\"}|CREDENTIALS_REJECTED|Not Support",
            "401|{\"error\":\"invalid_client\"}|CREDENTIALS_REJECTED|invalid_client",
            "502|<html>bad gateway</html>|API_ERROR|not a JSON object",
            "200|{\"access_token\":\"abc\"}|API_ERROR|expires_in"})
    void token_refusals_reasonAndMessage(int status, String body, YoLinkCloudException.Reason reason,
                                         String message) {
        YoLinkCloudException error = assertThrows(YoLinkCloudException.class,
                () -> YoLinkResponses.token(status, body, 0));

        assertEquals(reason, error.reason());
        assertTrue(error.getMessage().contains(message), error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "010104|TOKEN_REJECTED", "000103|TOKEN_REJECTED", "000201|API_ERROR", "010203|API_ERROR"})
    void data_errorCodes_reason(String code, YoLinkCloudException.Reason reason) {
        YoLinkCloudException error = assertThrows(YoLinkCloudException.class, () -> YoLinkResponses.data(
                "Home.getDeviceList", 200, "{\"code\":\"" + code + "\",\"desc\":\"d\",\"method\":\"m\"}"));

        assertEquals(reason, error.reason());
        assertTrue(error.getMessage().contains(code));
    }

    @Test
    void devices_documentedDeviceList_everyFieldIncludingTheNetToken() throws Exception {
        String budp = "{\"code\":\"000000\",\"time\":1734595441905,\"msgid\":1734595441905,"
                + "\"method\":\"Home.getDeviceList\",\"desc\":\"Success\",\"data\":{\"devices\":[{"
                + "\"deviceId\":\"abcd4c0100031234\",\"deviceUDID\":\"u1\",\"name\":\"3604-1\",\"token\":\"T1\","
                + "\"type\":\"SmartRemoter\",\"parentDeviceId\":null,\"modelName\":\"YS3604-UC\","
                + "\"serviceZone\":null,\"futureField\":{\"x\":1}},{\"name\":\"no id\"}]}}";

        List<YoLinkDevice> devices = YoLinkResponses.devices(YoLinkResponses.data("Home.getDeviceList", 200, budp));

        assertEquals(1, devices.size(), "an entry without deviceId is skipped");
        YoLinkDevice remote = devices.get(0);
        assertEquals("T1", remote.token());
        assertEquals("SmartRemoter", remote.type());
        assertNull(remote.parentDeviceId());
        assertEquals("{\"x\":1}", remote.fields().get("futureField"));
        assertTrue(!remote.toString().contains("T1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://api.yosmart.com, https://api.yosmart.com/open/yolink/token",
            "https://api-eu.yosmart.com/, https://api-eu.yosmart.com/open/yolink/token",
            "https://api.yosmart.com/open/yolink/v2/api, https://api.yosmart.com/open/yolink/token"})
    void endpoints_baseOrFullUrl(String configured, String token) {
        YoLinkEndpoints endpoints = YoLinkEndpoints.under(configured);

        assertEquals(URI.create(token), endpoints.token());
        assertTrue(endpoints.api().toString().endsWith("/open/yolink/v2/api"));
    }

    @Test
    void endpoints_notAUrl_saysWhichKey() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> YoLinkEndpoints.under("api.yosmart.com"));

        assertTrue(error.getMessage().contains("yolink.api_url"));
    }
}
