package io.streampulse.webgui.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Recovery codes for a lost phone: ten random codes shown once, each good for one sign-in. Only their SHA-256
 * hashes are stored. A fast hash is enough here (unlike passwords): each code is 80 random bits, so there is
 * nothing to guess from a stolen hash, and the slow Argon2id (19 MiB, tens of ms) ten times over for every typed
 * code would make the sign-in slow and cost 190 MiB per attempt.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    /** 16 base32 characters: 80 bits */
    private static final int LENGTH = 16;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

    private RecoveryCodes() {
    }

    /** Ten fresh codes as people see them: {@code abcd-efgh-ijkl-mnop}. */
    public static List<String> generate(SecureRandom random) {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < LENGTH; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The stored form: hex SHA-256 of the code without dashes, spaces or capitals. */
    public static String hash(String code) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(normalize(code).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether the typed text looks like a recovery code rather than a 6-digit TOTP code. */
    public static boolean looksLikeOne(String typed) {
        return typed != null && normalize(typed).length() == LENGTH;
    }

    /** Which stored hash the typed code matches, comparing every one in constant time. */
    public static OptionalInt find(List<String> storedHashes, String typed) {
        byte[] candidate = hash(typed).getBytes(StandardCharsets.US_ASCII);
        int found = -1;
        for (int i = 0; i < storedHashes.size(); i++) {
            if (MessageDigest.isEqual(storedHashes.get(i).getBytes(StandardCharsets.US_ASCII), candidate)) {
                found = i;
            }
        }
        return found < 0 ? OptionalInt.empty() : OptionalInt.of(found);
    }

    private static String normalize(String code) {
        return code.replace("-", "").replace(" ", "").trim().toLowerCase(Locale.ROOT);
    }
}
