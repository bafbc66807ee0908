package io.streampulse.streamer.onvif;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real npm {@code onvif} client (src/test/node/onvif-client.js). Its node_modules come from
 * {@code ./streampulse test} (npm ci); when missing, they are installed here the same way.
 */
final class NodeOnvifClient {

    static final Path DIR = Path.of("src", "test", "node").toAbsolutePath();

    private NodeOnvifClient() {
    }

    /** The client's JSON line: {"ok":true,"profiles":[...]} or {"ok":false,"error":"..."}. */
    static JsonNode run(int port, String user, String password, String mode, String... action)
            throws IOException, InterruptedException {
        installIfMissing();
        List<String> command = new ArrayList<>(List.of("node", "onvif-client.js", "127.0.0.1",
                String.valueOf(port), user, password, mode));
        command.addAll(List.of(action));
        Process process = new ProcessBuilder(command).directory(DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the ONVIF client did not finish within 30 s");
        }
        String out = new String(process.getInputStream().readAllBytes()).strip();
        return new ObjectMapper().readTree(out.isEmpty() ? "{\"ok\":false,\"error\":\"no output\"}" : out);
    }

    private static synchronized void installIfMissing() throws IOException, InterruptedException {
        if (Files.isDirectory(DIR.resolve("node_modules").resolve("onvif"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIR.toFile())
                .redirectErrorStream(true).redirectInput(new File("/dev/null")).start();
        String output = new String(npm.getInputStream().readAllBytes());
        if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci in " + DIR + " failed (run ./streampulse test to install "
                    + "the test peers): " + output);
        }
    }
}
