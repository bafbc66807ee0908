import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU of this JVM's threads, grouped by name without its numbers ("delivery-chekt-3" -> "delivery-chekt-#"), so a
 * run says which part of the JVM spent the time. What no live Java thread accounts for (the JIT compiler's and the
 * GC's threads, which the JVM does not list, and threads that ended during the run) is shown as the remainder.
 */
final class ThreadCpu {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<Long, Long> before = new HashMap<>();
    private final long processBefore = os.getProcessCpuTime();

    ThreadCpu() {
        for (long id : threads.getAllThreadIds()) {
            before.put(id, threads.getThreadCpuTime(id));
        }
    }

    /** The groups' CPU since construction, per report, the largest first: "delivery-sia 0.21 ms, ...". */
    String perReport(int reports, int top) {
        long process = os.getProcessCpuTime() - processBefore;
        Map<String, Long> nanos = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long now = threads.getThreadCpuTime(id);
            if (info == null || now < 0) {
                continue;
            }
            nanos.merge(info.getThreadName().replaceAll("\\d+", "#"), now - before.getOrDefault(id, 0L), Long::sum);
        }
        long threadsInAll = nanos.values().stream().mapToLong(Long::longValue).sum();
        return nanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(e -> String.format("%s %.3f", e.getKey(), e.getValue() / 1e6 / reports))
                .collect(Collectors.joining(", ")) + String.format(" ms; not in a live Java thread (JIT, GC, ended"
                + " threads) %.3f ms", (process - threadsInAll) / 1e6 / reports);
    }
}
