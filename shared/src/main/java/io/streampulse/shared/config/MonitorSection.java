package io.streampulse.shared.config;

/** Defaults for every stream check, and how long heartbeat history is kept (Uptime Kuma v2's tiers). */
public record MonitorSection(
        int timeoutSeconds,
        int retries,
        int retryIntervalSeconds,
        int frameCheckEvery,
        int maxConcurrentChecks,
        int maxChecksPerHost,
        boolean degradedCountsAsUp,
        Retention retention) {

    /** Raw beats older than {@code rawHours} go, except state changes and the newest {@code rawKeepLast}. */
    public record Retention(int rawHours, int rawKeepLast, int minutelyHours, int hourlyDays, int dailyDays) {
    }

    static MonitorSection read(NodeReader r) {
        r.warnUnknown(NodeReader.keys("timeout_seconds", "retries", "retry_interval_seconds", "frame_check_every",
                "max_concurrent_checks", "max_checks_per_host", "degraded_counts_as_up", "retention"));
        NodeReader retention = r.section("retention");
        retention.warnUnknown(NodeReader.keys("raw_hours", "raw_keep_last", "minutely_hours", "hourly_days", "daily_days"));
        return new MonitorSection(
                r.integer("timeout_seconds", 5, 1, 300),
                r.integer("retries", 2, 0, 100),
                r.integer("retry_interval_seconds", 10, 1, 86_400),
                r.integer("frame_check_every", 10, 0, 10_000),
                r.integer("max_concurrent_checks", 256, 1, 10_000),
                r.integer("max_checks_per_host", 4, 1, 1_000),
                r.bool("degraded_counts_as_up", false),
                new Retention(
                        retention.integer("raw_hours", 24, 1, 24 * 365),
                        retention.integer("raw_keep_last", 100, 0, 100_000),
                        retention.integer("minutely_hours", 24, 1, 24 * 365),
                        retention.integer("hourly_days", 30, 1, 3_650),
                        retention.integer("daily_days", 365, 1, 36_500)));
    }
}
