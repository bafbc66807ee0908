package io.streampulse.webgui.users;

import io.streampulse.webgui.account.Role;
import io.streampulse.webgui.account.UserAccount;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserAdminTest {

    private static UserAccount user(String name, Role role, boolean disabled) {
        return UserAccount.create(name, role, "h", Instant.EPOCH).withDisabled(disabled);
    }

    @Test
    void theOnlyEnabledAdmin_isTheLast_whateverDisabledAdminsExist() {
        List<UserAccount> all = List.of(user("ann", Role.ADMIN, false), user("old", Role.ADMIN, true),
                user("vic", Role.VIEWER, false));

        assertTrue(UserAdmin.lastEnabledAdmin(all, "ann"));
        assertTrue(UserAdmin.lastEnabledAdmin(all, "ANN"), "names match in any letter case");
        assertFalse(UserAdmin.lastEnabledAdmin(all, "old"), "already disabled");
        assertFalse(UserAdmin.lastEnabledAdmin(all, "vic"));
    }

    @Test
    void withTwoEnabledAdmins_neitherIsTheLast() {
        List<UserAccount> all = List.of(user("ann", Role.ADMIN, false), user("bea", Role.ADMIN, false));

        assertFalse(UserAdmin.lastEnabledAdmin(all, "ann"));
        assertFalse(UserAdmin.lastEnabledAdmin(all, "bea"));
    }
}
