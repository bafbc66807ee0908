package io.streampulse.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds the external programs the peers run (mosquitto, redis-server, openssl, ...).
 * Why: a missing binary must fail the test with a message that says which Debian package to install, not with
 * a bare "Cannot run program" (and never with a silent skip that hides an untested module).
 */
final class Binaries {

    private static final String[] SYSTEM_DIRS = {"/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"};

    private Binaries() {
    }

    /** The executable called {@code name}, looked up on PATH and the usual sbin/bin dirs. */
    static Path require(String name, String aptPackage) {
        Set<String> dirs = new LinkedHashSet<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    dirs.add(dir);
                }
            }
        }
        dirs.addAll(Set.of(SYSTEM_DIRS));
        for (String dir : dirs) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("'" + name + "' is not installed (looked in " + String.join(":", dirs)
                + "); the StreamPulse testkit runs it as a real peer. Install it with: apt-get install " + aptPackage);
    }
}
