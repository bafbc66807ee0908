package io.streampulse.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerProcessTest {

    @TempDir
    Path dir;

    @Test
    void aPeerThatDiesBeforeListeningFailsWithExitCodeAndLogTail() {
        int port = FreePorts.next();
        long start = System.nanoTime();
        AssertionError failure = assertThrows(AssertionError.class, () -> PeerProcess.start("doomed",
                List.of("sh", "-c", "echo 'fatal: cannot open config' >&2; exit 3"), dir, port));
        assertTrue(failure.getMessage().contains("doomed exited with code 3"), failure.getMessage());
        assertTrue(failure.getMessage().contains("fatal: cannot open config"), failure.getMessage());
        assertTrue((System.nanoTime() - start) / 1_000_000 < PeerProcess.START_TIMEOUT.toMillis(),
                "fails as soon as the process is gone, not after the start timeout");
    }

    @Test
    void stopKillAndRestartControlTheRealProcess() {
        Path redis = Binaries.require("redis-server", "redis-server");
        int port = FreePorts.next();
        try (PeerProcess peer = PeerProcess.start("redis", List.of(redis.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString()), dir, port)) {
            assertTrue(peer.isAlive());
            assertTrue(accepts(port));
            // redis listens a moment before it logs that it does
            Eventually.await(java.time.Duration.ofSeconds(5), "redis's ready line in its log",
                    () -> peer.logTail(50).contains("Ready to accept connections"));

            long firstPid = peer.pid();
            peer.kill();
            assertFalse(peer.isAlive());
            assertFalse(accepts(port));

            peer.restart();
            assertTrue(peer.isAlive());
            assertNotEquals(firstPid, peer.pid());
            assertTrue(accepts(port));

            peer.stop();
            assertFalse(peer.isAlive());
            assertTrue(peer.logTail(200).contains("ready to exit, bye bye"), "SIGTERM lets redis shut down cleanly");
            assertEquals(dir.resolve("redis.log"), peer.logFile());
        }
    }

    @Test
    void missingBinaryNamesTheAptPackage() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Binaries.require("streampulse-no-such-binary", "streampulse-imaginary-package"));
        assertTrue(e.getMessage().contains("apt-get install streampulse-imaginary-package"), e.getMessage());
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
