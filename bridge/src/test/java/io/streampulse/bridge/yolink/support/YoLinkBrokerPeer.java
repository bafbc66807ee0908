package io.streampulse.bridge.yolink.support;

import io.streampulse.testkit.ExternalPeer;
import io.streampulse.testkit.FreePorts;
import io.streampulse.testkit.PeerProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real mosquitto standing in for YoLink's broker: a client's username is its access token, with no password;
 * only the tokens the fake cloud has handed out (and not revoked) may read {@code yl-home/<homeId>/#}, and only
 * the fake cloud's own user may publish there. Why an ACL rather than a password file: mosquitto 2.0 treats an
 * empty password as none and refuses such users, while YoLink expects exactly that; an ACL lets the username
 * alone decide, and revoking a token (rewriting the ACL and sending SIGHUP) cuts off a session that keeps using it.
 */
public final class YoLinkBrokerPeer extends ExternalPeer {

    public static final String CLOUD_USER = "fake-yolink-cloud";

    private final Path acl;
    private final int port;
    private final String homeId;
    private PeerProcess process;

    public YoLinkBrokerPeer(String homeId, Collection<String> tokens) {
        super(null, "yolink-broker-");
        this.homeId = homeId;
        this.acl = workDir().resolve("acl");
        this.port = FreePorts.next();
        launch(() -> {
            process = PeerProcess.start("yolink-mosquitto", List.of(mosquitto(), "-c", writeConfig(tokens).toString()),
                    workDir(), port);
            return process;
        });
    }

    private Path writeConfig(Collection<String> tokens) {
        try {
            writeAcl(tokens);
            Path conf = workDir().resolve("mosquitto.conf");
            Files.writeString(conf, String.join("\n",
                    "per_listener_settings false",
                    "allow_anonymous true",
                    "acl_file " + acl,
                    "user " + System.getProperty("user.name"),
                    "persistence false",
                    "log_dest stdout",
                    "log_type all",
                    "connection_messages true",
                    "listener " + port + " 127.0.0.1", ""), StandardCharsets.UTF_8);
            return conf;
        } catch (IOException e) {
            throw new UncheckedIOException("could not set up the YoLink broker stand-in", e);
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Only these tokens may read from now on (mosquitto re-reads its ACL on SIGHUP). */
    public void allowOnly(Collection<String> tokens) {
        try {
            writeAcl(tokens);
            Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start();
            if (!hup.waitFor(5, TimeUnit.SECONDS) || hup.exitValue() != 0) {
                throw new IllegalStateException("could not signal mosquitto " + process.pid());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void writeAcl(Collection<String> tokens) throws IOException {
        StringBuilder text = new StringBuilder("user " + CLOUD_USER + "\ntopic write yl-home/#\n");
        for (String token : tokens) {
            text.append("user ").append(token).append("\ntopic read yl-home/").append(homeId).append("/#\n");
        }
        Path temp = workDir().resolve("acl.tmp");
        Files.writeString(temp, text.toString(), StandardCharsets.UTF_8);
        Files.move(temp, acl, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String mosquitto() {
        for (String candidate : List.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("mosquitto is not installed (apt-get install mosquitto)");
    }
}
