package io.streampulse.shared.health;

import java.util.Map;

/**
 * A part of a process that reports on {@code /health} (a broker connection, a receiver, a database).
 * {@code healthy() == false} turns the process's status to DEGRADED; the process keeps serving.
 */
public interface HealthContributor {

    String name();

    boolean healthy();

    /** JSON-friendly values: strings, numbers, booleans, lists and maps of them. */
    Map<String, Object> details();
}
