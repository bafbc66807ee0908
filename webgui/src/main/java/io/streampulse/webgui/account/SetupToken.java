package io.streampulse.webgui.account;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.streampulse.shared.config.SuitePaths;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Guards the first-start page: while no user exists, whoever creates the first admin must show this one-time
 * token, which only someone with the server's log (or its data volume) can read. So nobody else on the LAN can
 * claim a fresh install. The token is also written to {@code setup-token.txt} (mode 0600) on the data volume and
 * removed once the admin exists.
 */
@Context
public class SetupToken {

    public static final String FILE_NAME = "setup-token.txt";
    private static final Logger LOG = LoggerFactory.getLogger(SetupToken.class);

    private final Path file;
    private final UserStore users;
    private volatile String token;

    public SetupToken(UserStore users, SuitePaths paths, @Value("${micronaut.server.port:8000}") int port) {
        this.file = paths.dataDir().resolve(FILE_NAME);
        this.users = users;
        if (!users.isEmpty()) {
            token = "";
            deleteFile();
            return;
        }
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        token = HexFormat.of().formatHex(bytes);
        writeFile();
        LOG.warn("No users yet. Open http://<this host>:{}/setup to create the first admin; the setup token is {} "
                + "(also in {})", port, token, file);
    }

    /** True while the first admin is still to be created (by this page or any other way). */
    public boolean pending() {
        if (token.isEmpty()) {
            return false;
        }
        if (!users.isEmpty()) {
            consume();
            return false;
        }
        return true;
    }

    /** Constant-time comparison; false once the token was used. */
    public boolean matches(String candidate) {
        String current = token;
        return !current.isEmpty() && candidate != null && MessageDigest.isEqual(
                current.getBytes(StandardCharsets.UTF_8), candidate.trim().getBytes(StandardCharsets.UTF_8));
    }

    /** The first admin exists: the token never works again. */
    public void consume() {
        token = "";
        deleteFile();
    }

    private void writeFile() {
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n");
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("could not write the setup token to {}: {}; it is in this log only", file, e.getMessage());
        }
    }

    private void deleteFile() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("could not remove the used setup token file {}: {}", file, e.getMessage());
        }
    }
}
