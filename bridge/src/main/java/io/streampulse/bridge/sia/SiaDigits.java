package io.streampulse.bridge.sia;

/**
 * Zero-padded numbers for frame fields (pure). {@code String.format} cost more than the rest of a frame together
 * (its Formatter looks up the locale's digits on every call), on the one thread that sends every SIA message.
 */
final class SiaDigits {

    private SiaDigits() {
    }

    /** {@code value} in decimal, at least {@code width} digits ("%0<width>d"); never cut short. */
    static String decimal(int value, int width) {
        return value < 0 ? String.format("%0" + width + "d", value) : pad(Integer.toString(value), width);
    }

    /** {@code value} in upper-case hex, at least {@code width} digits ("%0<width>X"). */
    static String hex(int value, int width) {
        return pad(Integer.toHexString(value).toUpperCase(java.util.Locale.ROOT), width);
    }

    private static String pad(String digits, int width) {
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
