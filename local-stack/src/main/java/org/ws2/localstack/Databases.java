package org.ws2.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The four empty databases; each service's Flyway creates its own tables. */
final class Databases {

    static final List<String> NAMES = List.of("ws2_recommendations", "ws2_groups", "ws2_reporting", "ws2_notifications");

    private Databases() {
    }

    static Connection connect(String host, int port, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/postgres", user, password);
    }

    static List<String> missing(Connection admin) throws SQLException {
        Set<String> existing = new HashSet<>();
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                existing.add(rs.getString(1));
            }
        }
        List<String> missing = new ArrayList<>(NAMES);
        missing.removeAll(existing);
        return missing;
    }

    /** Returns the databases it created. */
    static List<String> createMissing(Connection admin) throws SQLException {
        List<String> missing = missing(admin);
        for (String name : missing) {
            try (Statement s = admin.createStatement()) {
                // names are our own constants, never user input
                s.execute("CREATE DATABASE " + name);
            }
        }
        return missing;
    }
}
