package io.streampulse.webgui.settings;

import java.util.List;
import java.util.Optional;

/**
 * One form of the settings page, saved on its own and all or nothing (pure).
 *
 * @param slug       its address: {@code POST /settings/<slug>}
 * @param configPath where its keys live in config.yaml ({@code mqtt}, {@code receivers.sia}; "" for the top level)
 * @param testKind   which "test" button it has: {@code yolink}, {@code zone}, {@code channel}, or "" for none
 */
public record SettingsSection(String slug, String title, String configPath, String intro, String testKind,
                              List<Field> fields) {

    public SettingsSection {
        fields = List.copyOf(fields);
    }

    /** The full config path of a field of this section: {@code mqtt.discovery.prefix}. */
    public String path(Field field) {
        return configPath.isEmpty() ? field.key() : configPath + "." + field.key();
    }

    /** The field whose full path is {@code path}, as a config problem names it. */
    public Optional<Field> fieldAt(String path) {
        return fields.stream().filter(f -> path(f).equals(path)).findFirst();
    }
}
