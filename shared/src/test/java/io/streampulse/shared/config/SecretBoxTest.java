package io.streampulse.shared.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretBoxTest {

    @TempDir
    Path dir;

    @Test
    void encrypt_thenDecrypt_roundTripsWithAFreshIvEachTime() throws Exception {
        SecretBox box = SecretKeyFile.loadOrCreate(dir.resolve("secret.key"));

        String first = box.encrypt("pässwörd");
        String second = box.encrypt("pässwörd");

        assertTrue(first.startsWith("enc:v1:"), first);
        assertNotEquals(first, second, "the same secret must not encrypt to the same text twice");
        assertEquals("pässwörd", box.decrypt(first));
        assertEquals("pässwörd", box.decrypt(second));
    }

    @Test
    void decrypt_alteredValue_isRefused() {
        SecretBox box = SecretBox.withKey(new byte[32]);
        String sealed = box.encrypt("secret");
        // Flip one bit of the ciphertext itself (a base64 character at the end may only carry padding bits).
        byte[] raw = java.util.Base64.getDecoder().decode(sealed.substring("enc:v1:".length()));
        raw[14] ^= 0x01;
        String altered = "enc:v1:" + java.util.Base64.getEncoder().encodeToString(raw);

        SecretBox.SecretException e = assertThrows(SecretBox.SecretException.class, () -> box.decrypt(altered));
        assertEquals("it was encrypted with another key, or altered", e.getMessage());
    }

    @Test
    void loadOrCreate_makesA0600KeyFileOnceAndReusesIt() throws Exception {
        Path keyFile = dir.resolve("secret.key");

        String sealed = SecretKeyFile.loadOrCreate(keyFile).encrypt("x");

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        assertEquals("x", SecretKeyFile.loadOrCreate(keyFile).decrypt(sealed));
    }

    @Test
    void loadOrCreate_manyAtOnce_allEndUpWithTheSameKey() throws Exception {
        Path keyFile = dir.resolve("race").resolve("secret.key");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tasks.add(() -> SecretKeyFile.loadOrCreate(keyFile).encrypt("same"));
        }
        Set<String> plaintexts = new HashSet<>();
        SecretBox reader = null;
        for (Future<String> sealed : pool.invokeAll(tasks)) {
            reader = reader == null ? SecretKeyFile.loadOrCreate(keyFile) : reader;
            plaintexts.add(reader.decrypt(sealed.get()));
        }
        pool.shutdown();

        assertEquals(Set.of("same"), plaintexts, "every racer must have used the one key on disk");
        try (var leftovers = Files.list(keyFile.getParent())) {
            assertEquals(List.of(keyFile), leftovers.toList());
        }
    }

    @Test
    void unavailableBox_saysWhy() {
        SecretBox box = SecretBox.unavailable("key file /x/secret.key is unusable (Permission denied)");

        SecretBox.SecretUnavailableException e = assertThrows(SecretBox.SecretUnavailableException.class,
                () -> box.encrypt("x"));
        assertEquals("no secret key: key file /x/secret.key is unusable (Permission denied)", e.getMessage());
    }
}
