package io.streampulse.shared.config;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Typed, validating access to one YAML mapping of the composed node tree (pure).
 * Every getter returns a usable value (the default when the key is missing, null or wrong) and records a
 * {@link ConfigProblem} with the key path, line and column when the value is wrong, so one pass reports every
 * problem in the file instead of stopping at the first.
 */
public final class NodeReader {

    private final String path;
    private final Node where;
    private final Map<String, NodeTuple> entries;
    private final List<ConfigProblem> problems;
    private final SecretBox secrets;

    private NodeReader(String path, Node where, Map<String, NodeTuple> entries, List<ConfigProblem> problems,
                       SecretBox secrets) {
        this.path = path;
        this.where = where;
        this.entries = entries;
        this.problems = problems;
        this.secrets = secrets;
    }

    /** A reader over the document's root node (null for an empty document). */
    public static NodeReader root(Node root, List<ConfigProblem> problems, SecretBox secrets) {
        return of("", root, problems, secrets);
    }

    private static NodeReader of(String path, Node node, List<ConfigProblem> problems, SecretBox secrets) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (!(keyNode instanceof ScalarNode key)) {
                    problems.add(error(keyNode, path, "keys must be plain names"));
                    continue;
                }
                if (entries.putIfAbsent(key.getValue(), tuple) != null) {
                    problems.add(error(keyNode, join(path, key.getValue()), "duplicate key '"
                            + join(path, key.getValue()) + "'"));
                }
            }
        } else if (node != null && !isNull(node)) {
            problems.add(error(node, path, "'" + (path.isEmpty() ? "(document)" : path)
                    + "' must be a mapping of keys to values"));
        }
        return new NodeReader(path, node, entries, problems, secrets);
    }

    public String path() {
        return path;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    public boolean has(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple != null && !isNull(tuple.getValueNode());
    }

    public String string(String key, String fallback) {
        ScalarNode scalar = scalar(key);
        return scalar == null ? fallback : scalar.getValue();
    }

    /** A string that may be absent; blank counts as absent. */
    public Optional<String> optionalString(String key) {
        return Optional.ofNullable(string(key, null)).map(String::strip).filter(s -> !s.isEmpty());
    }

    public int integer(String key, int fallback, int min, int max) {
        ScalarNode scalar = scalar(key);
        if (scalar == null) {
            return fallback;
        }
        Long parsed = parseInteger(scalar.getValue());
        if (parsed == null) {
            problems.add(error(scalar, join(path, key), "'" + join(path, key) + "' must be a whole number (got '"
                    + scalar.getValue() + "')"));
            return fallback;
        }
        if (parsed < min || parsed > max) {
            problems.add(error(scalar, join(path, key), "'" + join(path, key) + "' must be between " + min + " and "
                    + max + " (got " + parsed + ")"));
            return fallback;
        }
        return parsed.intValue();
    }

    /**
     * A whole number below {@code floor} is raised to it with a warning rather than rejected: StreamPulse clamped
     * these values silently, and its files must keep loading.
     */
    public int integerAtLeast(String key, int fallback, int floor, int max) {
        int value = integer(key, fallback, Integer.MIN_VALUE, max);
        if (value < floor) {
            Node node = entries.get(key).getValueNode();
            problems.add(warning(node, join(path, key), "'" + join(path, key) + "' is " + value
                    + "; using the minimum, " + floor));
            return floor;
        }
        return value;
    }

    public boolean bool(String key, boolean fallback) {
        ScalarNode scalar = scalar(key);
        if (scalar == null) {
            return fallback;
        }
        switch (scalar.getValue().strip().toLowerCase()) {
            case "true", "yes", "on" -> { return true; }
            case "false", "no", "off" -> { return false; }
            default -> {
                problems.add(error(scalar, join(path, key), "'" + join(path, key) + "' must be true or false (got '"
                        + scalar.getValue() + "')"));
                return fallback;
            }
        }
    }

    /** One of a fixed set of words, compared case-insensitively; {@code values} lists them in the config's spelling. */
    public <E extends Enum<E>> E choice(String key, E fallback, Map<String, E> values) {
        ScalarNode scalar = scalar(key);
        if (scalar == null) {
            return fallback;
        }
        for (Map.Entry<String, E> entry : values.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(scalar.getValue().strip())) {
                return entry.getValue();
            }
        }
        // Sorted: the message must not depend on a map's iteration order.
        problems.add(error(scalar, join(path, key), "'" + join(path, key) + "' must be one of "
                + values.keySet().stream().sorted().collect(Collectors.joining(", ")) + " (got '"
                + scalar.getValue() + "')"));
        return fallback;
    }

    /** A secret: plaintext, or the {@code enc:} form written by the config writer, decrypted here. */
    public Secret secret(String key) {
        ScalarNode scalar = scalar(key);
        if (scalar == null) {
            return Secret.EMPTY;
        }
        String raw = scalar.getValue();
        if (!SecretBox.isEncrypted(raw)) {
            return new Secret(raw, false);
        }
        try {
            return new Secret(secrets.decrypt(raw), true);
        } catch (SecretBox.SecretException | SecretBox.SecretUnavailableException e) {
            problems.add(error(scalar, join(path, key), "'" + join(path, key) + "' cannot be decrypted: "
                    + e.getMessage()));
            return Secret.EMPTY;
        }
    }

    public NodeReader section(String key) {
        NodeTuple tuple = entries.get(key);
        return of(join(path, key), tuple == null ? null : tuple.getValueNode(), problems, secrets);
    }

    /** The items of a list of mappings, each with its path such as {@code streams[2]}. */
    public List<NodeReader> list(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return List.of();
        }
        if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
            problems.add(error(tuple.getValueNode(), join(path, key), "'" + join(path, key) + "' must be a list"));
            return List.of();
        }
        List<NodeReader> items = new ArrayList<>();
        List<Node> nodes = sequence.getValue();
        for (int i = 0; i < nodes.size(); i++) {
            items.add(of(join(path, key) + "[" + i + "]", nodes.get(i), problems, secrets));
        }
        return items;
    }

    /** A list of plain words, such as {@code receivers: [chekt, sia]}. */
    public List<String> words(String key, List<String> fallback) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return fallback;
        }
        if (!(tuple.getValueNode() instanceof SequenceNode sequence)) {
            problems.add(error(tuple.getValueNode(), join(path, key), "'" + join(path, key)
                    + "' must be a list such as [a, b]"));
            return fallback;
        }
        List<String> words = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (item instanceof ScalarNode scalar && !isNull(scalar)) {
                words.add(scalar.getValue().strip());
            } else {
                problems.add(error(item, join(path, key), "'" + join(path, key) + "' items must be plain words"));
            }
        }
        return List.copyOf(words);
    }

    /** The entries of a mapping keyed by free-form names (device ids), in file order. */
    public Map<String, NodeReader> entries(String key) {
        NodeReader inner = section(key);
        Map<String, NodeReader> result = new LinkedHashMap<>();
        inner.entries.forEach((name, tuple) -> result.put(name,
                of(join(inner.path, name), tuple.getValueNode(), problems, secrets)));
        return result;
    }

    /** Records a problem at the value of {@code key} (or at this mapping when the key is missing). */
    public void reject(String key, String message) {
        NodeTuple tuple = entries.get(key);
        problems.add(error(tuple == null ? where : tuple.getValueNode(), join(path, key), message));
    }

    /**
     * Warns about keys this reader does not know (usually a typo). They are kept in the file by the writer,
     * so a newer version's keys survive an older one's save.
     */
    public void warnUnknown(Set<String> known) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!known.contains(entry.getKey())) {
                String keyPath = join(path, entry.getKey());
                problems.add(warning(entry.getValue().getKeyNode(), keyPath, "unknown key '" + keyPath
                        + "' is ignored (known here: " + known.stream().sorted().collect(Collectors.joining(", "))
                        + ")"));
            }
        }
    }

    public static Set<String> keys(String... names) {
        return Set.copyOf(Arrays.asList(names));
    }

    private ScalarNode scalar(String key) {
        NodeTuple tuple = entries.get(key);
        if (tuple == null || isNull(tuple.getValueNode())) {
            return null;
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar) {
            return scalar;
        }
        problems.add(error(value, join(path, key), "'" + join(path, key) + "' must be a single value, not a "
                + (value instanceof SequenceNode ? "list" : "mapping")));
        return null;
    }

    /** YAML 1.1 integers as written by people: 20, "20", 20.0, 1_000, 0x1F. */
    static Long parseInteger(String text) {
        String s = text.strip().replace("_", "");
        try {
            if (s.matches("[-+]?0x[0-9a-fA-F]+")) {
                boolean negative = s.startsWith("-");
                return (negative ? -1 : 1) * Long.parseLong(s.replaceFirst("^[-+]?0x", ""), 16);
            }
            if (s.matches("[-+]?[0-9]+")) {
                return Long.parseLong(s);
            }
            if (s.matches("[-+]?[0-9]+\\.0*")) {
                return Long.parseLong(s.substring(0, s.indexOf('.')));
            }
        } catch (NumberFormatException tooLarge) {
            return null;
        }
        return null;
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    static String join(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    private static ConfigProblem error(Node node, String path, String message) {
        Mark mark = node == null ? null : node.getStartMark();
        return ConfigProblem.error(path, mark == null ? 0 : mark.getLine() + 1, mark == null ? 0 : mark.getColumn() + 1,
                message);
    }

    private static ConfigProblem warning(Node node, String path, String message) {
        Mark mark = node == null ? null : node.getStartMark();
        return ConfigProblem.warning(path, mark == null ? 0 : mark.getLine() + 1,
                mark == null ? 0 : mark.getColumn() + 1, message);
    }
}
