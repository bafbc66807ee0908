import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link BenchFakes} started as a child JVM on the bench's classpath, driven by one-line commands; its CPU in all is
 * read from the OS, by thread from inside it.
 */
final class FakesProcess implements AutoCloseable {

    /**
     * The fakes' JVM flags (FAKES_JAVA_OPTS replaces them): C1 only and the serial GC with a fixed heap, as the
     * deployment runs its services. With the default C2 and G1, compiling and collecting took ~0.3 ms of CPU per
     * report (more than any fake's thread), CPU the bridge under test then waited for on 2 cores.
     */
    static final String DEFAULT_OPTS = "-XX:+UseSerialGC -Xms128m -Xmx128m -XX:TieredStopAtLevel=1"
            + " -XX:CICompilerCount=1";

    private final Process process;
    private final BufferedReader answers;
    private final PrintStream commands;
    final int siaPort;
    final String chektUrl;
    final int relayPort;

    private FakesProcess(Process process, BufferedReader answers, String[] ports) {
        this.process = process;
        this.answers = answers;
        this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.US_ASCII);
        this.siaPort = Integer.parseInt(ports[1]);
        this.chektUrl = ports[2];
        this.relayPort = Integer.parseInt(ports[3]);
    }

    static FakesProcess start(String chektToken, int doors) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getenv().getOrDefault("FAKES_JAVA_OPTS", DEFAULT_OPTS).trim().split("\\s+")));
        String logback = System.getProperty("logback.configurationFile");
        if (logback != null) {
            command.add("-Dlogback.configurationFile=" + logback);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "BenchFakes", chektToken,
                Integer.toString(doors)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader answers = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII));
        String line = answers.readLine();
        if (line == null || !line.startsWith("fakes ")) {
            process.destroy();
            throw new IOException("the fakes' process did not start: " + line);
        }
        FakesProcess fakes = new FakesProcess(process, answers, line.split(" "));
        fakes.checkClock();
        return fakes;
    }

    /**
     * The publish moments are taken in the fakes' JVM and compared with ours: both must read one clock. On Linux,
     * System.nanoTime() is CLOCK_MONOTONIC, shared by every process since boot; checked here, not assumed: the
     * fakes' reading must fall inside our round trip.
     */
    private void checkClock() throws IOException {
        for (int i = 0; i < 5; i++) {
            long before = System.nanoTime();
            long theirs = Long.parseLong(ask("clock"));
            long after = System.nanoTime();
            if (theirs < before || theirs > after) {
                throw new IOException("the fakes' System.nanoTime() (" + theirs + ") is not between ours before ("
                        + before + ") and after (" + after + "): the JVMs' clocks are not comparable");
            }
        }
    }

    /** Connects the fakes' YoLink cloud publisher to the broker. */
    void connect(String host, int port) throws IOException {
        ask("connect " + host + " " + port);
    }

    /** One report flipping {@code door}, not timed. */
    void publish(int door, long atMillis) throws IOException {
        ask("publish " + door + " " + atMillis);
    }

    /** Publishes the paced reports in the fakes' JVM; returns when the last one is published. */
    void run(int rate, int count, long firstAt) throws IOException {
        ask("run " + rate + " " + count + " " + firstAt);
    }

    /** System.nanoTime() in the fakes' JVM just before each publish of the last {@link #run}. */
    long[] sent() throws IOException {
        return Arrays.stream(ask("sent").split(" ")).mapToLong(Long::parseLong).toArray();
    }

    /** Starts counting the fakes' CPU by thread. */
    void mark() throws IOException {
        ask("mark");
    }

    /** The fakes' CPU by thread since {@link #mark()}, per report. */
    String threads(int reports) throws IOException {
        return ask("cpu " + reports);
    }

    private String ask(String command) throws IOException {
        commands.println(command);
        String answer = answers.readLine();
        if (answer == null) {
            throw new IOException("the fakes' process ended before answering " + command);
        }
        return answer;
    }

    /** CPU the fakes' JVM used so far (user + system). */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws Exception {
        commands.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroy();
        }
    }
}
