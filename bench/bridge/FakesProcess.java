import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@link BenchFakes} started as a child JVM on the bench's classpath; its CPU is read from the OS. */
final class FakesProcess implements AutoCloseable {

    private final Process process;
    final int siaPort;
    final String chektUrl;
    final int relayPort;

    private FakesProcess(Process process, String[] ports) {
        this.process = process;
        this.siaPort = Integer.parseInt(ports[1]);
        this.chektUrl = ports[2];
        this.relayPort = Integer.parseInt(ports[3]);
    }

    static FakesProcess start(String chektToken) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
        String logback = System.getProperty("logback.configurationFile");
        if (logback != null) {
            command.add("-Dlogback.configurationFile=" + logback);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "BenchFakes", chektToken));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))
                .readLine();
        if (line == null || !line.startsWith("fakes ")) {
            process.destroy();
            throw new IOException("the fakes' process did not start: " + line);
        }
        return new FakesProcess(process, line.split(" "));
    }

    /** CPU the fakes' JVM used so far (user + system). */
    Duration cpu() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroy();
        }
    }
}
