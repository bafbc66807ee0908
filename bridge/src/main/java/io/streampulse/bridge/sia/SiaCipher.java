package io.streampulse.bridge.sia;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * DC-09 encryption (pure): AES-CBC with an all-zero IV and no cipher padding; the message itself is padded at its
 * start with pseudo-random printable characters (never '|', '[' or ']') up to a multiple of 16 bytes, at least one
 * (a whole block when already aligned), and the ciphertext travels as upper-case hex.
 * <p>
 * The key is the configured 32/48/64 hex characters decoded to 16/24/32 bytes (AES-128/192/256), as DC-09 states
 * keys in bits. pysiaalarm instead uses the ASCII bytes of a 16/24/32-character key; a receiver configured that
 * way needs the hex form of those characters here.
 */
public final class SiaCipher {

    private static final int BLOCK = 16;
    private static final byte[] ZERO_IV = new byte[BLOCK];
    private static final String PAD_ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz!#$%&()*+-.:;<=>?@^{}~";

    private final SecretKeySpec key;

    private SiaCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** @throws IllegalArgumentException when {@code hexKey} is not 32, 48 or 64 hex characters */
    public static SiaCipher fromHex(String hexKey) {
        if (hexKey == null || !hexKey.matches("[0-9A-Fa-f]{32}|[0-9A-Fa-f]{48}|[0-9A-Fa-f]{64}")) {
            throw new IllegalArgumentException("SIA key must be 32, 48 or 64 hex characters (AES-128/192/256)");
        }
        return new SiaCipher(HexFormat.of().parseHex(hexKey));
    }

    public int keyBits() {
        return key.getEncoded().length * 8;
    }

    /** Pads {@code plain} at its start with characters drawn from {@code random}, encrypts, returns upper hex. */
    public String encrypt(String plain, RandomGenerator random) {
        int padLength = BLOCK - plain.length() % BLOCK;
        StringBuilder padded = new StringBuilder(padLength + plain.length());
        for (int i = 0; i < padLength; i++) {
            padded.append(PAD_ALPHABET.charAt(random.nextInt(PAD_ALPHABET.length())));
        }
        padded.append(plain);
        byte[] cipherText = run(Cipher.ENCRYPT_MODE, padded.toString().getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().withUpperCase().formatHex(cipherText);
    }

    /** The padded plaintext, pad included. @throws SiaFrameException on text that is not whole hex blocks */
    public String decrypt(String hex) {
        if (hex.isEmpty() || hex.length() % (2 * BLOCK) != 0 || !hex.matches("[0-9A-Fa-f]+")) {
            throw new SiaFrameException("encrypted part is not a whole number of 16-byte blocks in hex ("
                    + hex.length() + " characters)");
        }
        byte[] plain = run(Cipher.DECRYPT_MODE, HexFormat.of().parseHex(hex));
        return new String(plain, StandardCharsets.ISO_8859_1);
    }

    private byte[] run(int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, key, new IvParameterSpec(ZERO_IV));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC unavailable in this JVM", e);
        }
    }
}
