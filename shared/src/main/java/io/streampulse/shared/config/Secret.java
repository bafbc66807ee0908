package io.streampulse.shared.config;

/**
 * A secret config value (password, API secret, receiver key), held decrypted in memory.
 * {@code storedEncrypted} tells whether the file already holds it in the {@code enc:} form; a plaintext value typed
 * in by hand is accepted and encrypted by the next save. {@link #toString()} never shows the value.
 */
public record Secret(String value, boolean storedEncrypted) {

    public static final Secret EMPTY = new Secret("", false);

    public Secret {
        value = value == null ? "" : value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return isEmpty() ? "Secret[empty]" : "Secret[****]";
    }
}
