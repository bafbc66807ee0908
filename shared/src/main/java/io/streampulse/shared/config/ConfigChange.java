package io.streampulse.shared.config;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A new config replaced the previous one. Components compare their own section and restart only what changed
 * (reload by diff, as mediamtx does).
 */
public record ConfigChange(AppliedConfig previous, AppliedConfig current) {

    /** Names of the top-level sections whose values differ, as record component names (e.g. "mqtt", "streams"). */
    public Set<String> changedSections() {
        Set<String> changed = new LinkedHashSet<>();
        for (RecordComponent component : SuiteConfig.class.getRecordComponents()) {
            try {
                Object before = component.getAccessor().invoke(previous.config());
                Object after = component.getAccessor().invoke(current.config());
                if (!Objects.equals(before, after)) {
                    changed.add(component.getName());
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
        return changed;
    }
}
