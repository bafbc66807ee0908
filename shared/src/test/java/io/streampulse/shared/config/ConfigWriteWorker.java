package io.streampulse.shared.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * A separate process that saves the config {@code count} times (for {@link ConcurrentConfigWriteTest}).
 * Each save writes one tag in two places, so a reader can tell a mixed file, and adds one device, so a lost
 * update shows in the final count. Args: config path, key file, writer name, count.
 */
public final class ConfigWriteWorker {

    private ConfigWriteWorker() {
    }

    public static void main(String[] args) throws Exception {
        ConfigWriter writer = new ConfigWriter(Path.of(args[0]), Map.of(), SecretKeyFile.loadOrCreate(Path.of(args[1])));
        int count = Integer.parseInt(args[3]);
        for (int i = 0; i < count; i++) {
            save(writer, args[2] + "-" + i);
        }
    }

    static void save(ConfigWriter writer, String tag) throws java.io.IOException {
        ConfigWriter.Result result = writer.update(doc -> doc.set("mqtt.client_id", tag).set("yolink.uaid", tag)
                .set("devices." + tag + ".name", tag));
        if (!result.written()) {
            throw new IllegalStateException("save " + tag + " refused: " + result.problems());
        }
    }
}
