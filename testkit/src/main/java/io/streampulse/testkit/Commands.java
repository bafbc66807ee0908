package io.streampulse.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short helper command (openssl, mosquitto_passwd) to completion. Why: setup steps must fail loudly,
 * with the command's own output, instead of leaving a half-written file for a peer to choke on later.
 */
final class Commands {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Commands() {
    }

    /** Runs {@code command} in {@code dir}, output appended to {@code log}; throws unless it exits 0. */
    static void run(Path dir, Path log, List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            boolean exited;
            try {
                exited = process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                throw new IllegalStateException("interrupted while running " + command.get(0), e);
            }
            if (!exited) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + TIMEOUT.toSeconds() + "s: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed with exit code " + process.exitValue() + ": "
                        + String.join(" ", command) + System.lineSeparator()
                        + new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command), e);
        }
    }
}
