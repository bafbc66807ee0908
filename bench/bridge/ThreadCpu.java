import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU of this JVM's threads, grouped by name without its numbers ("delivery-chekt-3" -> "delivery-chekt-#"), so a
 * run says which part of the bridge spent the time. Threads that ended during the run are not counted.
 */
final class ThreadCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> before = new HashMap<>();

    ThreadCpu() {
        for (long id : threads.getAllThreadIds()) {
            before.put(id, threads.getThreadCpuTime(id));
        }
    }

    /** The groups' CPU since construction, per report, the largest first: "delivery-sia 0.21 ms, ...". */
    String perReport(int reports, int top) {
        Map<String, Long> nanos = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long now = threads.getThreadCpuTime(id);
            if (info == null || now < 0) {
                continue;
            }
            nanos.merge(info.getThreadName().replaceAll("\\d+", "#"), now - before.getOrDefault(id, 0L), Long::sum);
        }
        return nanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(e -> String.format("%s %.3f", e.getKey(), e.getValue() / 1e6 / reports))
                .collect(Collectors.joining(", ")) + " ms";
    }
}
