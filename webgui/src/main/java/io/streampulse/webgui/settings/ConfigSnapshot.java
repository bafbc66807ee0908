package io.streampulse.webgui.settings;

import io.streampulse.shared.config.ConfigDocument;
import io.streampulse.shared.config.ConfigParser;
import io.streampulse.shared.config.ConfigProblem;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.ParsedConfig;
import io.streampulse.shared.config.SecretBox;
import io.streampulse.shared.config.SuiteConfig;
import io.streampulse.shared.config.SuitePaths;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * The config file as it is on disk now, for the forms: read fresh on every page, so a page drawn right after a
 * save shows what was saved (the watcher applies it a moment later). When the file does not parse, the config in
 * force is shown with the file's problems, and saves are refused by the writer until it is fixed.
 */
@Singleton
public class ConfigSnapshot {

    /** @param problems why the file on disk is not what is shown (empty when it is) */
    public record Snapshot(SuiteConfig config, boolean onvifPortInFile, List<String> problems) {
    }

    private final SuitePaths paths;
    private final SecretBox secrets;
    private final ConfigWatcher watcher;
    private final ProcessEnvironment env;

    public ConfigSnapshot(SuitePaths paths, SecretBox secrets, ConfigWatcher watcher, ProcessEnvironment env) {
        this.paths = paths;
        this.secrets = secrets;
        this.watcher = watcher;
        this.env = env;
    }

    public Snapshot read() {
        String text;
        try {
            text = Files.readString(paths.config());
        } catch (NoSuchFileException e) {
            text = "";
        } catch (IOException e) {
            return new Snapshot(watcher.current().config(), false,
                    List.of("config file " + paths.config() + " cannot be read: " + e.getMessage()));
        }
        ParsedConfig parsed = ConfigParser.parse(text, env.variables(), secrets);
        if (parsed.config().isEmpty()) {
            return new Snapshot(watcher.current().config(), false,
                    parsed.errors().stream().map(ConfigProblem::describe).toList());
        }
        return new Snapshot(parsed.config().get(), ConfigDocument.parse(text).get("streamer.onvif_port").isPresent(),
                List.of());
    }
}
