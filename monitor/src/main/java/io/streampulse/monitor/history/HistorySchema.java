package io.streampulse.monitor.history;

import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations: {@code db/migration/V<n>__<name>.sql} applied in order, each in its own
 * transaction with its row in {@code schema_version}, so a database from any earlier release is brought up to
 * date at start and a failed migration leaves the previous version intact. The DDL is hand-written: Micronaut
 * Data's generated DDL makes ids that SQLite never fills (java-stack.md §2).
 */
@Singleton
public class HistorySchema {

    /** Every migration, oldest first; a new one is appended here and never edited after release. */
    static final List<String> MIGRATIONS = List.of("V1__history.sql");

    private static final Logger LOG = LoggerFactory.getLogger(HistorySchema.class);
    private final TransactionOperations<Connection> tx;

    public HistorySchema(TransactionOperations<Connection> tx) {
        this.tx = tx;
    }

    @PostConstruct
    void migrate() {
        tx.executeWrite(status -> {
            execute(status.getConnection(), "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                    + " name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
            return null;
        });
        int current = tx.executeRead(status -> currentVersion(status.getConnection()));
        for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
            apply(version, MIGRATIONS.get(version - 1));
        }
    }

    /** The version the database is at (0 for a new one). */
    public int version() {
        return tx.executeRead(status -> currentVersion(status.getConnection()));
    }

    private void apply(int version, String name) {
        String script = read("/db/migration/" + name);
        tx.executeWrite(status -> {
            Connection connection = status.getConnection();
            for (String statement : statements(script)) {
                execute(connection, statement);
            }
            try (var insert = connection.prepareStatement(
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)")) {
                insert.setInt(1, version);
                insert.setString(2, name);
                insert.setLong(3, System.currentTimeMillis());
                insert.executeUpdate();
            }
            return null;
        });
        LOG.info("History database migrated to version {} ({})", version, name);
    }

    /** The script's statements: comment lines dropped, split at semicolons that end a line. */
    static List<String> statements(String script) {
        StringBuilder body = new StringBuilder();
        script.lines().filter(line -> !line.strip().startsWith("--")).forEach(line -> body.append(line).append('\n'));
        return List.of(body.toString().split(";\\s*\\n")).stream().map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String read(String resource) {
        try (InputStream in = HistorySchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration " + resource + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
