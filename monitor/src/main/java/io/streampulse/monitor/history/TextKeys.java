package io.streampulse.monitor.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A text-to-integer-key table ({@code stream}, {@code message}) with a bounded cache in front. Only the history
 * writer thread uses it; after a rolled-back transaction or a prune the cache is forgotten, because it may name
 * keys that no longer exist.
 */
final class TextKeys {

    private static final int MAX_CACHED = 20_000;

    private final String insert;
    private final String select;
    private final Map<String, Integer> cache = new HashMap<>();

    TextKeys(String table, String keyColumn, String textColumn) {
        this.insert = "INSERT INTO " + table + " (" + textColumn + ") VALUES (?) ON CONFLICT DO NOTHING";
        this.select = "SELECT " + keyColumn + " FROM " + table + " WHERE " + textColumn + " = ?";
    }

    /** The key of {@code text}, created if new; null for null text. */
    Integer keyOf(Connection connection, String text) throws SQLException {
        if (text == null) {
            return null;
        }
        Integer key = cache.get(text);
        if (key != null) {
            return key;
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, text);
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(select)) {
            statement.setString(1, text);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                key = rows.getInt(1);
            }
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(text, key);
        return key;
    }

    void forget() {
        cache.clear();
    }
}
