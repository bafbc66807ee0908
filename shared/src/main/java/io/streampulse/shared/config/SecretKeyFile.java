package io.streampulse.shared.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that encrypts config secrets: 32 random bytes, base64, in a 0600 file on the host volume, created on
 * first start. Five processes start at once, so creation is race-free: the key is written to a private temp file
 * and hard-linked into place, which fails rather than replaces when another process won.
 */
public final class SecretKeyFile {

    private SecretKeyFile() {
    }

    public static SecretBox loadOrCreate(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                create(keyFile);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(keyFile, StandardCharsets.US_ASCII).strip());
            return SecretBox.withKey(key);
        } catch (IOException | IllegalArgumentException e) {
            return SecretBox.unavailable("key file " + keyFile + " is unusable (" + e.getMessage() + ")");
        }
    }

    private static void create(Path keyFile) throws IOException {
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        byte[] key = new byte[SecretBox.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path temp = Files.createTempFile(keyFile.toAbsolutePath().getParent(), ".secret-", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.createLink(keyFile, temp);
        } catch (FileAlreadyExistsException anotherProcessWon) {
            // its key is the one everybody uses
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
