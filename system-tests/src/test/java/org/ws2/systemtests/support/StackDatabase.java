package org.ws2.systemtests.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One service's database in the stack's PostgreSQL, read (and, for an upgrade's set-up, changed) with plain SQL.
 * A {@code String[]} parameter is bound as one SQL array: pass it cast to {@code Object}, not spread as varargs.
 */
public final class StackDatabase {

    private final SystemStack stack;
    private final String database;

    public StackDatabase(SystemStack stack, String database) {
        this.stack = stack;
        this.database = database;
    }

    /** The first column of each row. */
    public List<String> strings(String sql, Object... parameters) throws SQLException {
        try (Connection db = stack.connect(database); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(db, statement, parameters);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }

    /** Rows of (id, version) for these ids. */
    public Map<String, Long> versions(String sql, Set<String> ids) throws SQLException {
        try (Connection db = stack.connect(database); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(db, statement, (Object) ids.toArray(String[]::new));
            Map<String, Long> rows = new TreeMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), rs.getLong(2));
                }
            }
            return rows;
        }
    }

    /** The number of rows changed. */
    public int update(String sql, Object... parameters) throws SQLException {
        try (Connection db = stack.connect(database); PreparedStatement statement = db.prepareStatement(sql)) {
            bind(db, statement, parameters);
            return statement.executeUpdate();
        }
    }

    private static void bind(Connection db, PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i] instanceof String[] array ? db.createArrayOf("text", array) : parameters[i]);
        }
    }
}
