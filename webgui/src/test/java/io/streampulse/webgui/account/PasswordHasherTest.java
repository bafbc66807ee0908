package io.streampulse.webgui.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hash_isArgon2idPhcWithOwaspParameters_andVerifiesOnlyTheSamePassword() {
        String stored = hasher.hash("correct horse battery");

        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        assertTrue(hasher.verify("correct horse battery", stored));
        assertFalse(hasher.verify("correct horse batterY", stored));
    }

    @Test
    void hash_twiceTheSamePassword_differsBySalt() {
        assertNotEquals(hasher.hash("same password"), hasher.hash("same password"));
    }

    @Test
    void verify_somethingThatIsNotAnArgon2Hash_isFalse() {
        assertFalse(hasher.verify("admin", "admin"));
        assertFalse(hasher.verify("admin", ""));
        assertFalse(hasher.verify("admin", null));
        assertFalse(hasher.verify("x", "$argon2id$v=19$m=19456,t=2,p=1$AAAA$!!!"));
    }
}
