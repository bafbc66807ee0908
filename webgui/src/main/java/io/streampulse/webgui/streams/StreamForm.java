package io.streampulse.webgui.streams;

import io.streampulse.shared.config.StreamEntry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stream editor's fields as the browser sent them (strings, blanks allowed), or as the form shows a
 * configured stream. The password is never filled in from the config: blank means "keep the stored one".
 */
public record StreamForm(String id, String name, String url, boolean enabled, String check, String intervalSeconds,
                         String timeoutSeconds, String retries, String retryIntervalSeconds, String username,
                         String password, boolean clearPassword, boolean tlsVerify, String tags) {

    /** A new stream's form: enabled, protocol check, TLS verified, everything else blank (the defaults apply). */
    public static StreamForm blank() {
        return new StreamForm("", "", "", true, "protocol", "", "", "", "", "", "", false, true, "");
    }

    /** A configured stream's form; the password stays blank and a password inside the URL is masked. */
    public static StreamForm of(StreamEntry s) {
        return new StreamForm(s.id(), s.name(), UrlDisplay.masked(s.url()), s.enabled(),
                s.check() == StreamEntry.CheckKind.FRAME ? "frame" : "protocol", text(s.intervalSeconds()),
                text(s.timeoutSeconds()), text(s.retries()), text(s.retryIntervalSeconds()), s.username(), "", false,
                s.tlsVerify(), String.join(", ", s.tags()));
    }

    /** From submitted fields (a form post or the test button's JSON); an absent checkbox is off. */
    public static StreamForm from(Map<String, String> f) {
        return new StreamForm(f.getOrDefault("id", "").strip(), f.getOrDefault("name", "").strip(),
                f.getOrDefault("url", "").strip(), checked(f, "enabled"), f.getOrDefault("check", "protocol").strip(),
                f.getOrDefault("interval_seconds", "").strip(), f.getOrDefault("timeout_seconds", "").strip(),
                f.getOrDefault("retries", "").strip(), f.getOrDefault("retry_interval_seconds", "").strip(),
                f.getOrDefault("username", "").strip(), f.getOrDefault("password", ""),
                checked(f, "clear_password"), checked(f, "tls_verify"), f.getOrDefault("tags", "").strip());
    }

    /** The same form with the password cleared, to show it again after an error. */
    public StreamForm withoutPassword() {
        return new StreamForm(id, name, url, enabled, check, intervalSeconds, timeoutSeconds, retries,
                retryIntervalSeconds, username, "", clearPassword, tlsVerify, tags);
    }

    /** The same form for this id and URL (an edited stream keeps its id; a masked URL stands for the stored one). */
    public StreamForm with(String newId, String newUrl) {
        return new StreamForm(newId, name, newUrl, enabled, check, intervalSeconds, timeoutSeconds, retries,
                retryIntervalSeconds, username, password, clearPassword, tlsVerify, tags);
    }

    public boolean frameCheck() {
        return check.equals("frame");
    }

    /** Tags as words, split at commas or spaces. */
    public List<String> tagList() {
        return Arrays.stream(tags.split("[,\\s]+")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    }

    private static boolean checked(Map<String, String> f, String key) {
        String v = f.get(key);
        return v != null && !v.equals("false") && !v.equals("off");
    }

    private static String text(Optional<Integer> value) {
        return value.map(String::valueOf).orElse("");
    }
}
