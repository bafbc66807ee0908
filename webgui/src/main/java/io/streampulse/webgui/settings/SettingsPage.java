package io.streampulse.webgui.settings;

import io.streampulse.shared.config.SuiteConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings page's model (pure): per section its inputs with their values, errors and environment notes. After a
 * refused save, the refused section shows what was typed (never a secret) with the errors next to the fields.
 */
public final class SettingsPage {

    /** One form of the page. */
    public record SectionView(String slug, String title, String intro, String testKind, List<FieldView> fields,
                              String failure) {
    }

    private SettingsPage() {
    }

    /**
     * @param refused  the slug of a refused save, or null
     * @param typed    what that save submitted
     * @param errors   its errors by full config path
     * @param failure  a message for the whole refused form, or null
     */
    public static List<SectionView> sections(SuiteConfig config, boolean onvifPortInFile, Map<String, String> env,
                                             String refused, Map<String, String> typed, Map<String, String> errors,
                                             String failure) {
        List<SectionView> views = new ArrayList<>();
        for (SettingsSection section : SettingsCatalog.SECTIONS) {
            boolean wasRefused = section.slug().equals(refused);
            Map<String, String> values = SectionValues.of(section.slug(), config, onvifPortInFile);
            List<FieldView> fields = new ArrayList<>();
            for (Field field : section.fields()) {
                String path = section.path(field);
                String value = values.getOrDefault(field.key(), "");
                boolean secret = field.kind() == Field.Kind.SECRET;
                if (wasRefused && !secret && field.kind() != Field.Kind.BOOLEAN) {
                    value = typed.getOrDefault(field.key(), value);
                } else if (wasRefused && field.kind() == Field.Kind.BOOLEAN) {
                    String box = typed.getOrDefault(field.key(), "");
                    value = String.valueOf(box.equals("on") || box.equals("true"));
                }
                String envValue = field.envName() == null ? null : env.get(field.envName());
                String envNote = null;
                if (envValue != null && !envValue.isBlank()) {
                    envNote = "set by the environment: " + field.envName() + "=" + envValue;
                    value = envValue;
                }
                fields.add(new FieldView(section.slug() + "-" + field.key().replace('.', '-'), field.key(),
                        field.label(), field.kind().name().toLowerCase(Locale.ROOT), secret ? "" : value,
                        field.options(), secret && SectionValues.SAVED.equals(values.get(field.key())),
                        wasRefused ? errors.get(path) : null, envNote, field.hint(),
                        field.kind() == Field.Kind.INTEGER ? field.min() : null,
                        field.kind() == Field.Kind.INTEGER ? field.max() : null));
            }
            views.add(new SectionView(section.slug(), section.title(), section.intro(), section.testKind(), fields,
                    wasRefused ? failure : null));
        }
        return views;
    }
}
