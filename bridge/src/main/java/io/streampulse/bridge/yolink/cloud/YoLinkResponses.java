package io.streampulse.bridge.yolink.cloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.streampulse.bridge.yolink.cloud.YoLinkCloudException.Reason.API_ERROR;
import static io.streampulse.bridge.yolink.cloud.YoLinkCloudException.Reason.CREDENTIALS_REJECTED;
import static io.streampulse.bridge.yolink.cloud.YoLinkCloudException.Reason.TOKEN_REJECTED;

/**
 * Reads the YoLink cloud's answers (pure): the token endpoint's OAuth-style JSON, and the API's BRDP envelope
 * {@code {code, desc, method, data, time, msgid}} where {@code code "000000"} is success (anchors §4.1).
 */
public final class YoLinkResponses {

    static final String OK = "000000";
    /** Codes that mean the access token is no good: 000103 auth failure, 010104 token expired. */
    static final Set<String> TOKEN_CODES = Set.of("000103", "010104");
    private static final ObjectMapper JSON = new ObjectMapper();

    private YoLinkResponses() {
    }

    public static AccessToken token(int status, String body, long nowMillis) throws YoLinkCloudException {
        JsonNode root = json(body, "token endpoint (HTTP " + status + ")");
        JsonNode token = root.get("access_token");
        if (status == 200 && token != null && token.isTextual() && !token.asText().isEmpty()) {
            long expiresIn = root.path("expires_in").asLong(0);
            if (expiresIn <= 0) {
                throw new YoLinkCloudException(API_ERROR, "token endpoint: no usable expires_in in the answer");
            }
            return new AccessToken(token.asText(), nowMillis, expiresIn);
        }
        String why = firstText(root, "msg", "error_description", "error", "desc");
        if (status == 200 || status == 400 || status == 401 || status == 403) {
            throw new YoLinkCloudException(CREDENTIALS_REJECTED, "YoLink refused the UAID/secret key (HTTP " + status
                    + (why == null ? "" : ": " + why) + "); check yolink.uaid and yolink.secret_key");
        }
        throw new YoLinkCloudException(API_ERROR, "token endpoint answered HTTP " + status
                + (why == null ? "" : ": " + why));
    }

    /** The {@code data} of a successful BRDP answer to {@code method}. */
    public static JsonNode data(String method, int status, String body) throws YoLinkCloudException {
        if (status == 401) {
            throw new YoLinkCloudException(TOKEN_REJECTED, method + ": HTTP 401, access token refused");
        }
        if (status != 200) {
            throw new YoLinkCloudException(API_ERROR, method + ": HTTP " + status);
        }
        JsonNode root = json(body, method);
        String code = root.path("code").asText("");
        if (OK.equals(code)) {
            return root.path("data");
        }
        String desc = root.path("desc").asText("no description");
        throw new YoLinkCloudException(TOKEN_CODES.contains(code) ? TOKEN_REJECTED : API_ERROR,
                method + ": YoLink code " + (code.isEmpty() ? "(none)" : code) + " (" + desc + ")");
    }

    /** {@code Home.getGeneralInfo}: the home id that names the MQTT topic. */
    public static String homeId(JsonNode data) throws YoLinkCloudException {
        String id = data.path("id").asText("");
        if (id.isBlank()) {
            throw new YoLinkCloudException(API_ERROR, "Home.getGeneralInfo: no data.id in the answer");
        }
        return id;
    }

    /** {@code Home.getDeviceList}: every entry, every field (an entry without a deviceId is skipped). */
    public static List<YoLinkDevice> devices(JsonNode data) throws YoLinkCloudException {
        JsonNode devices = data.get("devices");
        if (devices == null || !devices.isArray()) {
            throw new YoLinkCloudException(API_ERROR, "Home.getDeviceList: no data.devices list in the answer");
        }
        List<YoLinkDevice> list = new ArrayList<>();
        for (JsonNode entry : devices) {
            String id = text(entry, "deviceId");
            if (id == null || id.isBlank()) {
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = entry.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isNull()) {
                    fields.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText()
                            : field.getValue().toString());
                }
            }
            list.add(new YoLinkDevice(id, text(entry, "deviceUDID"), text(entry, "name"), text(entry, "token"),
                    text(entry, "type"), text(entry, "parentDeviceId"), text(entry, "modelName"),
                    text(entry, "serviceZone"), fields));
        }
        return list;
    }

    private static JsonNode json(String body, String where) throws YoLinkCloudException {
        try {
            JsonNode root = JSON.readTree(body == null ? "" : body);
            if (root != null && root.isObject()) {
                return root;
            }
        } catch (JsonProcessingException e) {
            // reported below with an excerpt
        }
        String excerpt = body == null ? "" : body.length() > 80 ? body.substring(0, 80) + "..." : body;
        throw new YoLinkCloudException(API_ERROR, where + ": answer is not a JSON object: " + excerpt);
    }

    private static String firstText(JsonNode root, String... fields) {
        for (String field : fields) {
            String value = text(root, field);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
