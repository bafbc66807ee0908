package io.streampulse.webgui.settings;

import io.streampulse.shared.config.ConfigDocument;
import io.streampulse.shared.config.ConfigProblem;
import io.streampulse.shared.config.ConfigWriter;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Consumer;

/**
 * Every save of the settings and mappings pages goes through shared's {@link ConfigWriter}: one atomic,
 * validated write that keeps unknown keys and comments. A refused write is turned into errors next to the fields
 * the refusal names, and a sentence for the rest.
 */
@Singleton
public class ConfigSaver {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigSaver.class);

    /**
     * @param errors  by the field a problem names (through the caller's path mapping)
     * @param failure the problems no field of the form shows, in words; null when none
     */
    public record Outcome(boolean written, Map<String, String> errors, String failure) {
    }

    private final ConfigWriter writer;

    public ConfigSaver(ConfigWriter writer) {
        this.writer = writer;
    }

    /**
     * @param what     for the log: "settings mqtt", "mapping of d88b"
     * @param fieldFor maps a problem's config path to the form's error key, or null when the form has no such field
     */
    public Outcome save(String what, String user, Consumer<ConfigDocument> edit, Function<String, String> fieldFor) {
        ConfigWriter.Result result;
        try {
            result = writer.update(edit);
        } catch (IOException e) {
            LOG.warn("{} by {} not saved: {}", what, user, e.getMessage());
            return new Outcome(false, Map.of(), "config.yaml could not be written: " + e.getMessage());
        }
        if (result.written()) {
            LOG.info("{} saved by {} (config {})", what, user, result.hash().substring(0, 12));
            return new Outcome(true, Map.of(), null);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> rest = new java.util.ArrayList<>();
        for (ConfigProblem problem : result.problems()) {
            String field = fieldFor.apply(problem.path());
            if (field != null) {
                errors.putIfAbsent(field, problem.message());
            } else {
                rest.add(problem.describe());
            }
        }
        LOG.info("{} by {} refused: {}", what, user, result.problems().stream().map(ConfigProblem::describe).toList());
        return new Outcome(false, errors, rest.isEmpty() ? null
                : "Nothing was saved: " + String.join("; ", rest)
                + (rest.size() == 1 && rest.get(0).contains("invalid YAML") ? " (fix config.yaml first)" : ""));
    }
}
