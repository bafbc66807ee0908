package io.streampulse.shared.config;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Encrypts config secrets at rest with AES-256-GCM (pure apart from the random IV).
 * Form: {@code enc:v1:<base64(12-byte IV || ciphertext || 16-byte tag)>}. The tag authenticates the value, so a
 * wrong key or an edited value is reported instead of yielding garbage.
 */
public final class SecretBox {

    public static final String PREFIX = "enc:";
    private static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    public static final int KEY_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String missingKeyReason;

    private SecretBox(byte[] key, String missingKeyReason) {
        this.key = key == null ? null : new SecretKeySpec(key, "AES");
        this.missingKeyReason = missingKeyReason;
    }

    public static SecretBox withKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("secret key must be " + KEY_BYTES + " bytes, got " + key.length);
        }
        return new SecretBox(key.clone(), null);
    }

    /** A box that can neither encrypt nor decrypt, and says why (for example, the key file is unreadable). */
    public static SecretBox unavailable(String reason) {
        return new SecretBox(null, reason);
    }

    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String encrypt(String plaintext) {
        requireKey();
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return PREFIX + VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    public String decrypt(String value) throws SecretException {
        requireKey();
        if (!value.startsWith(PREFIX + VERSION)) {
            throw new SecretException("unknown encrypted form (expected enc:v1:...)");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(value.substring(PREFIX.length() + VERSION.length()).strip());
        } catch (IllegalArgumentException e) {
            throw new SecretException("the value after enc:v1: is not valid base64");
        }
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            throw new SecretException("the encrypted value is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            return new String(cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SecretException("it was encrypted with another key, or altered");
        } catch (GeneralSecurityException e) {
            throw new SecretException("decryption failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void requireKey() {
        if (key == null) {
            throw new SecretUnavailableException(missingKeyReason);
        }
    }

    /** A value that cannot be decrypted: reported as a config problem at its key. */
    public static final class SecretException extends Exception {
        public SecretException(String message) {
            super(message, null, false, false);
        }
    }

    /** No key to work with; decryption attempts report this as a problem rather than failing the process. */
    public static final class SecretUnavailableException extends RuntimeException {
        public SecretUnavailableException(String reason) {
            super("no secret key: " + reason);
        }
    }
}
