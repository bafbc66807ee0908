package io.streampulse.webgui.streams;

import io.micronaut.core.annotation.Nullable;
import io.streampulse.shared.config.ConfigDocument;
import io.streampulse.shared.config.ConfigProblem;
import io.streampulse.shared.config.ConfigWatcher;
import io.streampulse.shared.config.ConfigWriter;
import io.streampulse.shared.config.StreamEntry;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Adds, changes and removes {@code streams} entries through the shared {@link ConfigWriter}: one atomic,
 * validated write each (all or nothing). An edit touches only the keys the form owns, so keys it does not know
 * and comments stay; a blank password leaves the stored (encrypted) one alone. The entry is found in the file by
 * its id at write time, so an edit made meanwhile by hand is not overwritten by position.
 */
@Singleton
public class StreamEditor {

    /** What a save did: written, the entry was gone, or the problems the whole config would have had. */
    public record Outcome(boolean written, boolean gone, List<ConfigProblem> problems) {
        static Outcome saved(List<ConfigProblem> warnings) {
            return new Outcome(true, false, warnings);
        }
    }

    private final ConfigWriter writer;
    private final ConfigWatcher watcher;

    public StreamEditor(ConfigWriter writer, ConfigWatcher watcher) {
        this.writer = writer;
        this.watcher = watcher;
    }

    public Outcome add(StreamForm form) throws IOException {
        String id = StreamRules.idFor(form, null);
        return write(doc -> {
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("name", form.name());
            first.put("url", form.url());
            first.put("id", id);
            String entry = "streams[" + doc.size("streams") + "]";
            try {
                doc.set(entry, first);
            } catch (IllegalArgumentException notAList) { // no "streams" key, or one with nothing under it
                doc.set("streams", new ArrayList<>());
                entry = "streams[0]";
                doc.set(entry, first);
            }
            fill(doc, entry, form);
        });
    }

    /** Changes the stream {@code original}; a URL field left masked keeps the stored URL. */
    public Outcome update(StreamEntry original, StreamForm form) throws IOException {
        return write(doc -> {
            String entry = locate(doc, original.id());
            doc.set(entry + ".name", form.name());
            doc.set(entry + ".url", UrlDisplay.resolve(form.url(), original.url()));
            doc.set(entry + ".id", original.id()); // a derived id is written once, so a rename keeps the history
            fill(doc, entry, form);
        });
    }

    public Outcome delete(String id) throws IOException {
        return write(doc -> doc.remove(locate(doc, id)));
    }

    private Outcome write(Consumer<ConfigDocument> edit) throws IOException {
        ConfigWriter.Result result;
        try {
            result = writer.update(edit);
        } catch (StreamGone gone) {
            return new Outcome(false, true, List.of());
        }
        if (result.written()) {
            watcher.checkNow(); // the next page shows the saved config, not the one before it
            return Outcome.saved(result.problems());
        }
        return new Outcome(false, false, result.problems());
    }

    /** The optional keys: set when they differ from the default, removed when blank or default. */
    private static void fill(ConfigDocument doc, String entry, StreamForm form) {
        flag(doc, entry + ".enabled", form.enabled(), true);
        optional(doc, entry + ".check", form.frameCheck() ? "frame" : null);
        number(doc, entry + ".interval_seconds", form.intervalSeconds());
        number(doc, entry + ".timeout_seconds", form.timeoutSeconds());
        number(doc, entry + ".retries", form.retries());
        number(doc, entry + ".retry_interval_seconds", form.retryIntervalSeconds());
        optional(doc, entry + ".username", form.username().isEmpty() ? null : form.username());
        if (form.clearPassword()) {
            doc.remove(entry + ".password");
        } else if (!form.password().isEmpty()) {
            doc.set(entry + ".password", form.password()); // the writer stores it encrypted
        }
        flag(doc, entry + ".tls_verify", form.tlsVerify(), true);
        List<String> tags = form.tagList();
        if (tags.isEmpty()) {
            doc.remove(entry + ".tags");
        } else {
            doc.set(entry + ".tags", tags);
        }
    }

    private static void flag(ConfigDocument doc, String path, boolean value, boolean fallback) {
        if (value == fallback) {
            doc.remove(path);
        } else {
            doc.set(path, value);
        }
    }

    private static void optional(ConfigDocument doc, String path, @Nullable String value) {
        if (value == null) {
            doc.remove(path);
        } else {
            doc.set(path, value);
        }
    }

    private static void number(ConfigDocument doc, String path, String text) {
        if (text.isEmpty()) {
            doc.remove(path);
        } else {
            doc.set(path, Integer.parseInt(text));
        }
    }

    /** The path of the entry with this id (configured, or derived from its name as the parser does). */
    static String locate(ConfigDocument doc, String id) {
        for (int i = 0; i < doc.size("streams"); i++) {
            String entry = "streams[" + i + "]";
            Optional<String> configured = doc.get(entry + ".id");
            String entryId = configured.orElseGet(() -> StreamEntry.deriveId(doc.get(entry + ".name").orElse("").strip()));
            if (entryId.equals(id)) {
                return entry;
            }
        }
        throw new StreamGone();
    }

    /** Thrown inside an edit when the entry is no longer in the file: the writer then writes nothing. */
    static final class StreamGone extends RuntimeException {
        StreamGone() {
            super(null, null, false, false);
        }
    }
}
