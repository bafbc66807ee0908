package io.streampulse.shared.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigParserTest {

    private static final SecretBox BOX = SecretBox.withKey(new byte[32]);

    static SuiteConfig valid(String yaml) {
        ParsedConfig parsed = ConfigParser.parse(yaml, Map.of(), BOX);
        assertTrue(parsed.valid(), () -> "expected a valid config, got " + parsed.problems());
        return parsed.config().orElseThrow();
    }

    static String vector(String name) throws IOException {
        try (InputStream in = ConfigParserTest.class.getResourceAsStream("/vectors/config/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parse_streamPulse22ShippedFile_loadsUnchanged() throws IOException {
        ParsedConfig parsed = ConfigParser.parse(vector("streampulse-2.2-shipped.yaml"), Map.of(), BOX);

        SuiteConfig config = parsed.config().orElseThrow();
        assertEquals(List.of(), parsed.problems(), "a StreamPulse 2.2 file must load without a single warning");
        assertEquals(20, config.heartbeatSeconds());
        assertEquals(ZoneId.of("Asia/Calcutta"), config.timezone());
        assertEquals(1, config.streams().size());
        StreamEntry stream = config.streams().get(0);
        assertEquals("Testing streams", stream.name());
        assertEquals("http://158.58.130.148/mjpg/video.mjpg", stream.url());
        assertTrue(stream.enabled());
        assertEquals("broker.hivemq.com", config.mqtt().host());
        assertEquals("stream_monitor/status", config.mqtt().topic());
        assertEquals(10, config.mqtt().intervalSeconds());
        assertTrue(config.mqtt().password().isEmpty());
        assertTrue(config.mqtt().clientId().isEmpty());
    }

    @Test
    void parse_streamPulse22GuiSavedFile_clampsLikeStreamPulseWithWarnings() throws IOException {
        ParsedConfig parsed = ConfigParser.parse(vector("streampulse-2.2-gui-saved.yaml"), Map.of(), BOX);

        SuiteConfig config = parsed.config().orElseThrow();
        assertEquals(5, config.heartbeatSeconds(), "StreamPulse's monitor floored the GUI's 2-4 s at 5 s");
        assertEquals(5, config.mqtt().intervalSeconds());
        assertEquals(List.of("line 1, column 20: 'heartbeat_seconds' is 3; using the minimum, 5",
                        "line 22, column 21: 'mqtt.interval_seconds' is 2; using the minimum, 5"),
                parsed.warnings().stream().map(ConfigProblem::describe).toList());
        assertEquals("plain-secret", config.mqtt().password().value());
        assertFalse(config.mqtt().password().storedEncrypted());
        assertEquals(1, config.mqtt().qos());
        assertNotEquals(config.streams().get(0).id(), config.streams().get(1).id(),
                "'Cam 1' and 'Cam-1' shared one history table in StreamPulse; here they get distinct ids");
    }

    @Test
    void parse_shippedDefaultConfig_isValidWithoutWarnings() throws IOException {
        String shipped = Files.readString(Path.of("..", "config.yaml"));

        ParsedConfig parsed = ConfigParser.parse(shipped, Map.of(), BOX);

        assertEquals(List.of(), parsed.problems());
        SuiteConfig config = parsed.config().orElseThrow();
        assertEquals(SuiteConfig.defaults().streamer(), config.streamer());
        assertEquals(8080, config.streamer().onvifPort(), "ONVIF shares the HTTP API port unless set");
    }

    @Test
    void parse_emptyText_givesDefaults() {
        SuiteConfig config = valid("");

        assertEquals(20, config.heartbeatSeconds());
        assertEquals(List.of(), config.streams());
        assertEquals("redis://127.0.0.1:6379", config.redis().url());
        assertEquals(1920, config.streamer().width());
    }

    @Test
    void redis_defaultsToTheSuitesRedisPort_anExplicitUrlWins() {
        Map<String, String> env = Map.of("STREAMPULSE_REDIS_PORT", "16379");
        assertEquals("redis://127.0.0.1:16379",
                ConfigParser.parse("", env, BOX).config().orElseThrow().redis().url());
        assertEquals("redis://cache:6380", ConfigParser.parse("redis: {url: 'redis://cache:6380'}\n", env, BOX)
                .config().orElseThrow().redis().url());
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("mqtt:\n  qos: 7\n", "line 2, column 8: 'mqtt.qos' must be between 0 and 2 (got 7)"),
                Arguments.of("heartbeat_seconds: often\n",
                        "line 1, column 20: 'heartbeat_seconds' must be a whole number (got 'often')"),
                Arguments.of("timezone: Mars/Olympus\n",
                        "line 1, column 11: 'timezone' must be an IANA time zone such as Europe/Paris or UTC "
                                + "(got 'Mars/Olympus')"),
                Arguments.of("receivers:\n  sia:\n    transport: carrier-pigeon\n",
                        "line 3, column 16: 'receivers.sia.transport' must be one of tcp, udp (got "
                                + "'carrier-pigeon')"),
                Arguments.of("mqtt:\n  topic: cams/#\n",
                        "line 2, column 10: 'mqtt.topic' must be a topic name without the wildcards + and # "
                                + "(got 'cams/#')"),
                Arguments.of("mqtt:\n  discovery:\n    prefix: ''\n",
                        "line 3, column 13: 'mqtt.discovery.prefix' must not be empty"),
                Arguments.of("mqtt:\n  use_tls: maybe\n",
                        "line 2, column 12: 'mqtt.use_tls' must be true or false (got 'maybe')"),
                Arguments.of("streams:\n  - name: Door\n    url: ftp://10.0.0.1/x\n",
                        "line 3, column 10: 'streams[0].url' must start with rtsp://, rtsps://, http:// or https://"),
                Arguments.of("streams:\n  - name: Door\n    url: rtsp://a/1\n  - name: Door\n    url: rtsp://b/2\n",
                        "line 4, column 11: stream name 'Door' is used twice; names must be unique"),
                Arguments.of("streams:\n  - url: rtsp://a/1\n", "line 2, column 5: 'streams[0].name' is required"),
                Arguments.of("streams: {name: x}\n", "line 1, column 10: 'streams' must be a list"),
                Arguments.of("mqtt: [1, 2]\n", "line 1, column 7: 'mqtt' must be a mapping of keys to values"),
                Arguments.of("mqtt:\n  host: a\n  host: b\n", "line 3, column 3: duplicate key 'mqtt.host'"),
                Arguments.of("mqtt:\n  host: [a, b]\n", "line 2, column 9: 'mqtt.host' must be a single value, not a list"),
                Arguments.of("mqtt:\n  host: 'unterminated\n", "line 3, column 1: invalid YAML: found unexpected end of stream"),
                Arguments.of("mqtt:\n\thost: x\n", "line 2, column 1: invalid YAML: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"),
                Arguments.of("receivers:\n  sia:\n    key: 0123\n",
                        "line 3, column 10: 'receivers.sia.key' must be 32, 48 or 64 hexadecimal characters "
                                + "(AES-128/192/256)"),
                Arguments.of("devices:\n  abc:\n    relay_channel: 17\n",
                        "line 3, column 20: 'devices.abc.relay_channel' must be between 1 and 16 (got 17)"),
                Arguments.of("devices:\n  abc:\n    receivers: [chekt, pager]\n",
                        "line 3, column 16: 'devices.abc.receivers' may list only chekt, sia and modbus (got 'pager')"),
                Arguments.of("- just\n- a list\n", "line 1, column 1: '(document)' must be a mapping of keys to values"),
                Arguments.of("mqtt:\n  password: enc:v1:AAAA\n",
                        "line 2, column 13: 'mqtt.password' cannot be decrypted: the encrypted value is too short"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void parse_badFile_rejectedWithKeyLineAndColumn(String yaml, String expected) {
        ParsedConfig parsed = ConfigParser.parse(yaml, Map.of(), BOX);

        assertFalse(parsed.valid(), "a file with an error must not yield a config");
        assertEquals(List.of(expected), parsed.errors().stream().map(ConfigProblem::describe).toList());
    }

    @Test
    void parse_severalMistakes_reportsEveryOne() {
        ParsedConfig parsed = ConfigParser.parse("mqtt:\n  qos: 9\n  port: 0\nweb:\n  require_totp: sometimes\n",
                Map.of(), BOX);

        assertEquals(List.of("mqtt.qos", "mqtt.port", "web.require_totp"),
                parsed.errors().stream().map(ConfigProblem::path).toList());
    }

    @Test
    void parse_unknownKey_warnsButLoads() {
        ParsedConfig parsed = ConfigParser.parse("mqtt:\n  hots: x\n", Map.of(), BOX);

        assertTrue(parsed.valid());
        assertEquals(1, parsed.warnings().size());
        assertTrue(parsed.warnings().get(0).describe().startsWith("line 2, column 3: unknown key 'mqtt.hots' is ignored"),
                parsed.warnings().get(0).describe());
    }

    @Test
    void parse_javaTypeTag_isNeverInstantiated() {
        ParsedConfig parsed = ConfigParser.parse("timezone: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader"
                + " [[!!java.net.URL [\"http://127.0.0.1:1/x\"]]]]\n", Map.of(), BOX);

        assertEquals(List.of("line 1, column 11: invalid YAML: Global tag is not allowed: "
                        + "tag:yaml.org,2002:javax.script.ScriptEngineManager"),
                parsed.errors().stream().map(ConfigProblem::describe).toList());
    }

    @Test
    void parse_aliasBomb_isRefused() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'z'; c++) {
            char p = (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *")
                    .append(p).append("]\n");
        }
        ParsedConfig parsed = ConfigParser.parse(yaml.toString(), Map.of(), BOX);

        assertFalse(parsed.valid());
        assertTrue(parsed.errors().get(0).message().startsWith("invalid YAML"), parsed.errors().toString());
    }

    @Test
    void parse_streamerEnv_overridesFileAndOnvifFollowsApiPort() {
        SuiteConfig config = ConfigParser.parse("streamer:\n  api_port: 9000\n  frame_rate: 2\n", Map.of(
                "RTSP_PORT", "554", "RTSP_API_PORT", "80", "STREAM_NAME", "lobby", "FRAME_RATE", "5", "WIDTH", "1280",
                "HEIGHT", "720", "CYCLE_INTERVAL", "5000", "ENABLE_ONVIF", "false"), BOX).config().orElseThrow();

        StreamerSection s = config.streamer();
        assertEquals(554, s.rtspPort());
        assertEquals(80, s.apiPort());
        assertEquals(80, s.onvifPort());
        assertEquals("lobby", s.streamName());
        assertEquals(5, s.frameRate());
        assertEquals(1280, s.width());
        assertEquals(720, s.height());
        assertEquals(5000, s.cycleIntervalMs());
        assertFalse(s.onvifEnabled());
    }

    @Test
    void parse_onvifPortEnv_movesOnvifToItsOwnListener() {
        StreamerSection s = ConfigParser.parse("", Map.of("ONVIF_PORT", "8000"), BOX).config().orElseThrow()
                .streamer();

        assertEquals(8080, s.apiPort());
        assertEquals(8000, s.onvifPort());
    }

    @Test
    void parse_onvifDiscovery_defaultsOnAtTheStandardPort_andCanBeMovedOrTurnedOff() {
        StreamerSection defaults = valid("").streamer();
        StreamerSection moved = valid("streamer:\n  onvif:\n    discovery: false\n    discovery_port: 13702\n")
                .streamer();

        assertTrue(defaults.discoveryEnabled());
        assertEquals(3702, defaults.discoveryPort());
        assertFalse(moved.discoveryEnabled());
        assertEquals(13702, moved.discoveryPort());
        assertFalse(ConfigParser.parse("", Map.of("ONVIF_DISCOVERY", "false"), BOX).config().orElseThrow()
                .streamer().discoveryEnabled());
    }

    @Test
    void parse_badStreamerEnv_namesTheVariable() {
        ParsedConfig parsed = ConfigParser.parse("", Map.of("FRAME_RATE", "fast"), BOX);

        assertEquals(List.of("environment variable FRAME_RATE must be a whole number between 1 and 30 (got 'fast')"),
                parsed.errors().stream().map(ConfigProblem::describe).toList());
    }

    @Test
    void parse_encryptedSecret_isDecrypted() {
        String sealed = BOX.encrypt("s3cret");

        SuiteConfig config = valid("yolink:\n  uaid: u1\n  secret_key: " + sealed + "\n");

        assertEquals("s3cret", config.yolink().secretKey().value());
        assertTrue(config.yolink().secretKey().storedEncrypted());
        assertTrue(config.yolink().configured());
        assertFalse(config.toString().contains("s3cret"), "secrets never appear in toString or logs");
    }

    @Test
    void parse_secretFromAnotherKey_isAnErrorAtItsKey() {
        SecretBox other = SecretBox.withKey(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18,
                19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        ParsedConfig parsed = ConfigParser.parse("mqtt:\n  password: " + other.encrypt("x") + "\n", Map.of(), BOX);

        assertEquals(List.of("line 2, column 13: 'mqtt.password' cannot be decrypted: it was encrypted with another "
                + "key, or altered"), parsed.errors().stream().map(ConfigProblem::describe).toList());
    }

    @Test
    void parse_streamFields_keepTheirValuesAndStableIds() {
        SuiteConfig config = valid("""
                streams:
                  - name: Front door
                    url: rtsps://cam.local:322/main
                    id: front-door
                    check: frame
                    interval_seconds: 30
                    retries: 0
                    tls_verify: false
                    tags: [outside, door]
                  - name: Back
                    url: https://cam2.local/snapshot.jpg
                """);

        StreamEntry front = config.streams().get(0);
        assertEquals("front-door", front.id());
        assertTrue(front.idConfigured());
        assertEquals(StreamEntry.CheckKind.FRAME, front.check());
        assertEquals(30, front.intervalSeconds().orElseThrow());
        assertEquals(0, front.retries().orElseThrow());
        assertFalse(front.tlsVerify());
        assertEquals(List.of("outside", "door"), front.tags());
        StreamEntry back = config.streams().get(1);
        assertFalse(back.idConfigured());
        assertEquals(StreamEntry.deriveId("Back"), back.id());
        assertTrue(back.id().startsWith("back-"));
        assertTrue(back.intervalSeconds().isEmpty());
    }

    @Test
    void parse_deviceMappings_acceptNotMappedSpellings() {
        SuiteConfig config = valid("""
                devices:
                  d88b4c0100012345:
                    name: Back door
                    chekt_zone: 3
                    sia_zone: "N/A"
                    relay_channel: 2
                    door_prop_seconds: 120
                    receivers: [chekt, modbus]
                """);

        DeviceMapping door = config.devices().get("d88b4c0100012345");
        assertEquals(3, door.chektZone().orElseThrow());
        assertTrue(door.siaZone().isEmpty());
        assertEquals(2, door.relayChannel().orElseThrow());
        assertEquals(120, door.doorPropSeconds());
        assertEquals(List.of("chekt", "modbus"), door.receivers());
    }
}
