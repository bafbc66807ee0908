package io.streampulse.webgui.account;

import io.micronaut.context.annotation.Bean;
import io.streampulse.shared.config.SuitePaths;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The users, in {@code webgui.db} (SQLite) on the suite's data volume; only the webgui reads or writes it.
 * A handful of rows changed a few times a day: one connection, synchronized, no pool. Writes are durable
 * (synchronous=FULL) because a lost password change or a lost "disable this user" is a security bug.
 */
@Singleton
@Bean(preDestroy = "close")
public class UserStore implements AutoCloseable {

    public static final String FILE_NAME = "webgui.db";
    private static final String COLUMNS =
            "username, role, password_hash, totp_secret, totp_enabled, recovery_codes, disabled, created_at";

    private final Connection connection;

    public UserStore(SuitePaths paths) {
        this(paths.dataDir().resolve(FILE_NAME));
    }

    UserStore(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath()
                    + "?journal_mode=WAL&synchronous=FULL&busy_timeout=5000&foreign_keys=on");
            try (Statement s = connection.createStatement()) {
                s.executeUpdate("""
                        CREATE TABLE IF NOT EXISTS user_account (
                          username       TEXT PRIMARY KEY COLLATE NOCASE,
                          role           TEXT NOT NULL CHECK (role IN ('admin', 'viewer')),
                          password_hash  TEXT NOT NULL,
                          totp_secret    TEXT NOT NULL DEFAULT '',
                          totp_enabled   INTEGER NOT NULL DEFAULT 0,
                          recovery_codes TEXT NOT NULL DEFAULT '',
                          disabled       INTEGER NOT NULL DEFAULT 0,
                          created_at     INTEGER NOT NULL)""");
                // the last TOTP time step each user spent: a code is good once (kept across re-enrolment,
                // steps only grow)
                s.executeUpdate("""
                        CREATE TABLE IF NOT EXISTS totp_last_step (
                          username TEXT PRIMARY KEY COLLATE NOCASE,
                          step     INTEGER NOT NULL)""");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the folder of " + file, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not open the users database " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized boolean isEmpty() {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM user_account)")) {
            return rs.next() && rs.getInt(1) == 0;
        } catch (SQLException e) {
            throw failure("count users", e);
        }
    }

    /** The user, matched case-insensitively. */
    public synchronized Optional<UserAccount> find(String username) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM user_account WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read user " + username, e);
        }
    }

    public synchronized List<UserAccount> all() {
        List<UserAccount> users = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + COLUMNS + " FROM user_account ORDER BY username")) {
            while (rs.next()) {
                users.add(row(rs));
            }
            return users;
        } catch (SQLException e) {
            throw failure("list users", e);
        }
    }

    /** Adds a user; false when the name is taken (in any letter case). */
    public synchronized boolean add(UserAccount user) {
        try {
            insert(user);
            return true;
        } catch (SQLException e) {
            if (e.getErrorCode() == 19) { // SQLITE_CONSTRAINT: the name exists
                return false;
            }
            throw failure("add user " + user.username(), e);
        }
    }

    /**
     * Adds the first admin, atomically: false when any user exists already, so two people racing through the
     * setup page cannot both become admin.
     */
    public synchronized boolean addFirst(UserAccount admin) {
        try {
            connection.setAutoCommit(false);
            try {
                if (!isEmpty()) {
                    connection.rollback();
                    return false;
                }
                insert(admin);
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("add the first admin", e);
        }
    }

    /** Replaces the stored fields of an existing user; false when there is no such user. */
    public synchronized boolean update(UserAccount user) {
        try (PreparedStatement ps = connection.prepareStatement("""
                UPDATE user_account SET role = ?, password_hash = ?, totp_secret = ?, totp_enabled = ?,
                  recovery_codes = ?, disabled = ? WHERE username = ?""")) {
            ps.setString(1, user.role().key());
            ps.setString(2, user.passwordHash());
            ps.setString(3, user.totpSecret());
            ps.setInt(4, user.totpEnabled() ? 1 : 0);
            ps.setString(5, String.join(" ", user.recoveryCodes()));
            ps.setInt(6, user.disabled() ? 1 : 0);
            ps.setString(7, user.username());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("update user " + user.username(), e);
        }
    }

    /**
     * Spends a TOTP time step: true when it is later than any this user spent before (and records it), false for a
     * replayed or older code. Atomic, so two requests racing with the same code cannot both pass.
     */
    public synchronized boolean claimTotpStep(String username, long step) {
        try (PreparedStatement ps = connection.prepareStatement("""
                INSERT INTO totp_last_step (username, step) VALUES (?, ?)
                ON CONFLICT (username) DO UPDATE SET step = excluded.step
                WHERE excluded.step > totp_last_step.step""")) {
            ps.setString(1, username);
            ps.setLong(2, step);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("record the TOTP step of " + username, e);
        }
    }

    /** The last TOTP step this user spent, or {@link Long#MIN_VALUE} when none. */
    public synchronized long lastTotpStep(String username) {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT step FROM totp_last_step WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : Long.MIN_VALUE;
            }
        } catch (SQLException e) {
            throw failure("read the TOTP step of " + username, e);
        }
    }

    /** Spends one recovery code (by its hash): true when it was unused, and it is gone afterwards. */
    public synchronized boolean spendRecoveryCode(String username, String hash) {
        Optional<UserAccount> user = find(username);
        if (user.isEmpty() || !user.get().recoveryCodes().contains(hash)) {
            return false;
        }
        List<String> left = new ArrayList<>(user.get().recoveryCodes());
        left.remove(hash);
        UserAccount u = user.get();
        return update(u.withTotp(u.totpSecret(), u.totpEnabled(), left));
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }

    private void insert(UserAccount user) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO user_account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, user.username());
            ps.setString(2, user.role().key());
            ps.setString(3, user.passwordHash());
            ps.setString(4, user.totpSecret());
            ps.setInt(5, user.totpEnabled() ? 1 : 0);
            ps.setString(6, String.join(" ", user.recoveryCodes()));
            ps.setInt(7, user.disabled() ? 1 : 0);
            ps.setLong(8, user.createdAt().toEpochMilli());
            ps.executeUpdate();
        }
    }

    private static UserAccount row(ResultSet rs) throws SQLException {
        String codes = rs.getString("recovery_codes");
        return new UserAccount(rs.getString("username"), Role.of(rs.getString("role")),
                rs.getString("password_hash"), rs.getString("totp_secret"), rs.getInt("totp_enabled") == 1,
                codes.isEmpty() ? List.of() : Arrays.asList(codes.split(" ")), rs.getInt("disabled") == 1,
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    private static IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("users database: could not " + what + ": " + e.getMessage(), e);
    }
}
