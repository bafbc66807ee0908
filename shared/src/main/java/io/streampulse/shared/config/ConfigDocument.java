package io.streampulse.shared.config;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An editable config file (pure): the composed YAML node tree, so an edit touches only the keys it names. Keys
 * the editor does not know and, where snakeyaml keeps them, comments survive the round trip. Paths are dotted
 * with list indexes: {@code mqtt.host}, {@code streams[2].name}, {@code devices.d88b.chekt_zone}.
 */
public final class ConfigDocument {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)(?:\\[(\\d+)])?");

    private final MappingNode root;

    private ConfigDocument(MappingNode root) {
        this.root = root;
    }

    /** Parses the text; an empty text gives an empty document. Throws on YAML that is not a mapping. */
    public static ConfigDocument parse(String text) {
        Node node = ConfigParser.newYaml().compose(new StringReader(text));
        if (node == null) {
            return new ConfigDocument(new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK));
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new IllegalArgumentException("the config file's top level must be a mapping of keys to values");
        }
        return new ConfigDocument(mapping);
    }

    /** The scalar at {@code path}, if there is one. */
    public Optional<String> get(String path) {
        return Optional.ofNullable(find(path)).filter(ScalarNode.class::isInstance)
                .map(n -> ((ScalarNode) n).getValue());
    }

    /** Sets a value (scalar, list or map, represented as YAML), creating the mappings on the way. */
    public ConfigDocument set(String path, Object value) {
        Node replacement = yaml().represent(value);
        replace(path, old -> replacement);
        return this;
    }

    /** Removes a key (or a list item); a missing one is fine. */
    public ConfigDocument remove(String path) {
        List<String[]> segments = segments(path);
        Node parent = segments.size() == 1 ? root : find(path.substring(0, lastSeparator(path)));
        String[] last = segments.get(segments.size() - 1);
        if (last[1] != null) {
            Node list = parent instanceof MappingNode mapping ? valueOf(mapping, last[0]) : null;
            if (list instanceof SequenceNode sequence && Integer.parseInt(last[1]) < sequence.getValue().size()) {
                sequence.getValue().remove(Integer.parseInt(last[1]));
            }
        } else if (parent instanceof MappingNode mapping) {
            mapping.getValue().removeIf(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(last[0]));
        }
        return this;
    }

    /** Rewrites the scalar at {@code path} in place (keeps its comments); used to encrypt secrets. */
    void mapScalar(String path, UnaryOperator<String> change) {
        Node node = find(path);
        if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
            String updated = change.apply(scalar.getValue());
            if (!updated.equals(scalar.getValue())) {
                replace(path, old -> new ScalarNode(Tag.STR, updated, null, null, DumperOptions.ScalarStyle.PLAIN));
            }
        }
    }

    /** How many items the list at {@code path} has (0 when absent). */
    public int size(String path) {
        return find(path) instanceof SequenceNode sequence ? sequence.getValue().size() : 0;
    }

    /**
     * The document as text. Comments are kept where snakeyaml's emitter can place them; in the rare layout where it
     * cannot, the file is saved without comments rather than not saved.
     */
    public String toYaml() {
        try {
            StringWriter out = new StringWriter();
            yaml().serialize(root, out);
            return out.toString();
        } catch (YAMLException commentLayoutTheEmitterRefuses) {
            stripComments(root);
            StringWriter out = new StringWriter();
            yaml().serialize(root, out);
            return out.toString();
        }
    }

    private static void stripComments(Node node) {
        node.setBlockComments(null);
        node.setInLineComments(null);
        node.setEndComments(null);
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                stripComments(tuple.getKeyNode());
                stripComments(tuple.getValueNode());
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(ConfigDocument::stripComments);
        }
    }

    private void replace(String path, UnaryOperator<Node> change) {
        List<String[]> segments = segments(path);
        MappingNode mapping = root;
        for (int i = 0; i < segments.size(); i++) {
            String[] segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            NodeTuple tuple = tuple(mapping, segment[0]);
            if (segment[1] == null) {
                Node old = tuple == null ? null : tuple.getValueNode();
                Node next = last ? change.apply(old) : asMapping(old);
                if (old != next) {
                    put(mapping, segment[0], next, tuple);
                }
                if (!last) {
                    mapping = (MappingNode) next;
                }
            } else {
                if (tuple == null || !(tuple.getValueNode() instanceof SequenceNode sequence)) {
                    throw new IllegalArgumentException("'" + path + "': '" + segment[0] + "' is not a list");
                }
                int index = Integer.parseInt(segment[1]);
                List<Node> items = sequence.getValue();
                if (index == items.size()) {
                    toBlockStyle(tuple.getKeyNode(), sequence); // "streams: []" grows as a block list
                }
                if (index > items.size()) {
                    throw new IllegalArgumentException("'" + path + "': index " + index + " is past the end ("
                            + items.size() + " items)");
                }
                Node old = index < items.size() ? items.get(index) : null;
                Node next = last ? change.apply(old) : asMapping(old);
                if (index == items.size()) {
                    items.add(next);
                } else {
                    items.set(index, next);
                }
                if (!last) {
                    mapping = (MappingNode) next;
                }
            }
        }
    }

    private Node find(String path) {
        Node node = root;
        for (String[] segment : segments(path)) {
            if (!(node instanceof MappingNode mapping)) {
                return null;
            }
            node = valueOf(mapping, segment[0]);
            if (segment[1] != null) {
                if (!(node instanceof SequenceNode sequence)) {
                    return null;
                }
                int index = Integer.parseInt(segment[1]);
                node = index < sequence.getValue().size() ? sequence.getValue().get(index) : null;
            }
        }
        return node;
    }

    /**
     * Turns a flow collection ({@code []}, {@code {}}) into a block one. Its trailing comment moves to its key,
     * where snakeyaml's emitter can still place it.
     */
    private static void toBlockStyle(Node key, Node collection) {
        if (collection instanceof SequenceNode sequence && sequence.getFlowStyle() == DumperOptions.FlowStyle.FLOW
                || collection instanceof MappingNode mapping && mapping.getFlowStyle() == DumperOptions.FlowStyle.FLOW) {
            if (collection instanceof SequenceNode sequence) {
                sequence.setFlowStyle(DumperOptions.FlowStyle.BLOCK);
            } else {
                ((MappingNode) collection).setFlowStyle(DumperOptions.FlowStyle.BLOCK);
            }
            if (key != null && collection.getInLineComments() != null) {
                key.setInLineComments(collection.getInLineComments());
            }
            collection.setInLineComments(null);
        }
    }

    /** The key node under which {@code mapping} hangs (null for the root). */
    private Node keyOf(MappingNode mapping) {
        return keyOf(root, mapping);
    }

    private static Node keyOf(Node parent, Node child) {
        if (parent instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getValueNode() == child) {
                    return tuple.getKeyNode();
                }
                Node found = keyOf(tuple.getValueNode(), child);
                if (found != null) {
                    return found;
                }
            }
        } else if (parent instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                Node found = keyOf(item, child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static MappingNode asMapping(Node node) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        return new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
    }

    private static Node valueOf(MappingNode mapping, String key) {
        NodeTuple tuple = tuple(mapping, key);
        return tuple == null ? null : tuple.getValueNode();
    }

    private static NodeTuple tuple(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return tuple;
            }
        }
        return null;
    }

    private void put(MappingNode mapping, String key, Node value, NodeTuple old) {
        if (old == null) {
            toBlockStyle(keyOf(mapping), mapping); // "devices: {}" grows as a block mapping
            mapping.getValue().add(new NodeTuple(new ScalarNode(Tag.STR, key, null, null,
                    DumperOptions.ScalarStyle.PLAIN), value));
            return;
        }
        List<NodeTuple> tuples = mapping.getValue();
        tuples.set(tuples.indexOf(old), new NodeTuple(old.getKeyNode(), value));
    }

    private static List<String[]> segments(String path) {
        List<String[]> segments = new ArrayList<>();
        for (String part : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad config path '" + path + "'");
            }
            segments.add(new String[] {m.group(1), m.group(2)});
        }
        return segments;
    }

    private static int lastSeparator(String path) {
        return path.lastIndexOf('.');
    }

    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setProcessComments(true);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        return new Yaml(options);
    }
}
