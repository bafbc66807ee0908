package io.streampulse.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Modbus TCP relay board served by Debian's python3-pymodbus on a free 127.0.0.1 port: an implementation
 * independent of j2mod, so the bridge's master is checked against someone else's reading of the protocol (MBAP
 * framing, FC05 echo, unit id). Each coil write is logged by the peer and read back with {@link #writes(int)}.
 *
 * <p>Runs {@code pymodbus_relay_board.py} with {@code /usr/bin/python3} (Debian's python has the package).
 */
public final class PymodbusRelayBoard extends ExternalPeer {

    static final String APT_PACKAGES = "python3-pymodbus python3-serial python3-serial-asyncio";
    private static final String SCRIPT = "pymodbus_relay_board.py";
    private final int port = FreePorts.next();

    /** Unit {@code unitId} with {@code coils} coils (addresses 0..coils-1). */
    public PymodbusRelayBoard(int unitId, int coils) {
        super(null, "testkit-pymodbus-");
        checkInstalled();
        Path script = workDir().resolve(SCRIPT);
        launch(() -> {
            copyScript(script);
            return PeerProcess.start("pymodbus-relay-board", List.of(GstRtspCamera.PYTHON, script.toString(),
                    "--port", Integer.toString(port), "--unit", Integer.toString(unitId),
                    "--coils", Integer.toString(coils)), workDir(), port);
        });
    }

    public int port() {
        return port;
    }

    /** Every value written to {@code coil} (0-based), in order, true = on. */
    public List<Boolean> writes(int coil) {
        String prefix = "coil " + coil + " ";
        return logTail(10_000).lines().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).equals("on")).toList();
    }

    private static void checkInstalled() {
        try {
            Process probe = new ProcessBuilder(GstRtspCamera.PYTHON, "-c", "import pymodbus.server")
                    .redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return;
            }
            probe.destroyForcibly();
        } catch (IOException e) {
            // reported below, with the fix
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the pymodbus relay board cannot run: " + GstRtspCamera.PYTHON
                + " cannot import pymodbus.server. Install it with: apt-get install " + APT_PACKAGES);
    }

    private static void copyScript(Path target) {
        try (InputStream in = PymodbusRelayBoard.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the testkit jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + SCRIPT + " to " + target, e);
        }
    }

    @Override
    public String toString() {
        return "pymodbus-relay-board@127.0.0.1:" + port;
    }
}
