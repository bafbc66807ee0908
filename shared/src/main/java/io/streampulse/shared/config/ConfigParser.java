package io.streampulse.shared.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.StringReader;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * YAML text to {@link SuiteConfig} (pure). The text is only <em>composed</em> into a node tree, never constructed
 * into objects, so no YAML tag can instantiate a type; the tree keeps each value's line and column for the
 * problem list. A file with any error yields no config, so callers keep the last good one.
 */
public final class ConfigParser {

    private ConfigParser() {
    }

    public static ParsedConfig parse(String yaml, Map<String, String> env, SecretBox secrets) {
        List<ConfigProblem> problems = new ArrayList<>();
        Node root;
        try {
            root = newYaml().compose(new StringReader(yaml));
        } catch (YAMLException e) {
            return new ParsedConfig(Optional.empty(), List.of(yamlProblem(e)));
        }
        SuiteConfig config = read(NodeReader.root(root, problems, secrets), env);
        boolean valid = problems.stream().noneMatch(ConfigProblem::isError);
        // In file order, as a person reads them; problems from the environment (line 0) come last.
        problems.sort(Comparator.comparingInt((ConfigProblem p) -> p.line() == 0 ? Integer.MAX_VALUE : p.line())
                .thenComparingInt(ConfigProblem::column));
        return new ParsedConfig(valid ? Optional.of(config) : Optional.empty(), List.copyOf(problems));
    }

    /** A YAML syntax error as a problem with its line and column. */
    static ConfigProblem yamlProblem(YAMLException e) {
        if (e instanceof MarkedYAMLException marked) {
            Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            return ConfigProblem.error("", mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, "invalid YAML: " + firstLine(marked.getProblem()));
        }
        return ConfigProblem.error("", 0, 0, "invalid YAML: " + firstLine(e.getMessage()));
    }

    /** A composer with limits against alias bombs and runaway input; shared with the writer. */
    static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(40);
        options.setCodePointLimit(4 * 1024 * 1024);
        options.setProcessComments(true);
        return new Yaml(new SafeConstructor(options));
    }

    private static SuiteConfig read(NodeReader r, Map<String, String> env) {
        r.warnUnknown(NodeReader.keys("heartbeat_seconds", "timezone", "streams", "mqtt", "monitor", "yolink",
                "receivers", "devices", "streamer", "redis", "web"));
        ReceiversSection receivers = ReceiversSection.read(r.section("receivers"));
        return new SuiteConfig(
                r.integerAtLeast("heartbeat_seconds", SuiteConfig.DEFAULT_HEARTBEAT_SECONDS,
                        SuiteConfig.MIN_HEARTBEAT_SECONDS, 3_600),
                timezone(r),
                streams(r),
                MqttSection.read(r.section("mqtt")),
                MonitorSection.read(r.section("monitor")),
                YoLinkSection.read(r.section("yolink")),
                receivers,
                devices(r, receivers.modbus().channels()),
                StreamerSection.read(r.section("streamer"), env),
                RedisSection.read(r.section("redis"), env),
                WebSection.read(r.section("web")));
    }

    private static ZoneId timezone(NodeReader r) {
        String name = r.string("timezone", "UTC").strip();
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            r.reject("timezone", "'timezone' must be an IANA time zone such as Europe/Paris or UTC (got '" + name
                    + "')");
            return ZoneId.of("UTC");
        }
    }

    private static List<StreamEntry> streams(NodeReader r) {
        List<StreamEntry> streams = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (NodeReader item : r.list("streams")) {
            StreamEntry stream = StreamEntry.read(item);
            if (!stream.name().isEmpty() && !names.add(stream.name())) {
                item.reject("name", "stream name '" + stream.name() + "' is used twice; names must be unique");
            } else if (!ids.add(stream.id())) {
                item.reject("id", "stream id '" + stream.id() + "' is used twice; ids must be unique");
            }
            streams.add(stream);
        }
        return List.copyOf(streams);
    }

    private static Map<String, DeviceMapping> devices(NodeReader r, int relayChannels) {
        Map<String, DeviceMapping> devices = new LinkedHashMap<>();
        r.entries("devices").forEach((id, item) -> devices.put(id, DeviceMapping.read(id, item, relayChannels)));
        return java.util.Collections.unmodifiableMap(devices);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable file";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
