package org.ws2.systemtests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.ws2.localstack.Components;
import org.ws2.localstack.Launcher;
import org.ws2.localstack.Settings;
import org.ws2.localsigning.LocalJwtKeys;

/**
 * One whole WS2 stack for system tests, started by the launcher of {@code ./ws2 start} (real PostgreSQL and Kafka,
 * the service jars as processes) in a fresh data folder, on ports offset by {@code -Dws2.system-test.port-offset}
 * or the stack's own default, so that a developer's running stack is never touched. When it is closed its logs
 * are kept under {@code target/<name>-system-test-logs/}, for a failure to be read after the run.
 * <p>
 * The only class of the system tests that uses local-stack: a change of the launcher's API is one edit here.
 */
public final class SystemStack implements AutoCloseable {

    public static final Path REPO = Settings.findRepo(Path.of(""));
    public static final String GATEWAY = Components.GATEWAY;
    public static final String KAFKA = Components.KAFKA;
    public static final String POSTGRES = Components.POSTGRES;
    /** What the load-under-failure suites need; notifications and the pages would only take CPU from them. */
    public static final List<String> CORE_SERVICES = List.of("recommendations-service", "groups-service",
            "reporting-service", GATEWAY);

    private final String name;
    private final Path home;
    /** False for a stack a developer already runs: it is used, never started, stopped or deleted. */
    private final boolean owned;
    private final Launcher launcher;

    private SystemStack(String name, Path home, boolean owned, String defaultPortOffset, Duration startTimeout) {
        this.name = name;
        this.home = home;
        this.owned = owned;
        this.launcher = new Launcher(Settings.from(Map.of(
                "WS2_REPO_DIR", REPO.toString(),
                "WS2_HOME", home.toString(),
                // -Dws2.system-test.port-offset=... when something else on the machine holds these ports
                "WS2_PORT_OFFSET", System.getProperty("ws2.system-test.port-offset", defaultPortOffset),
                "WS2_START_TIMEOUT_SECONDS", String.valueOf(startTimeout.toSeconds()),
                // the test's own infrastructure, whatever the environment points at
                "WS2_POSTGRES_HOST", "",
                "WS2_KAFKA_BOOTSTRAP_SERVERS", "",
                // a fresh folder per run never maps a class-data archive, so recording one would only slow the stop
                "WS2_APPCDS_RECORD", "false")));
    }

    /** A stack in a fresh folder, not started yet; {@code startTimeout} bounds each start of its components. */
    public static SystemStack inFreshFolder(String name, String defaultPortOffset, Duration startTimeout) {
        try {
            return new SystemStack(name, Files.createTempDirectory("ws2-" + name + "-"), true, defaultPortOffset,
                    startTimeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh stack already running in {@code home} at the same port offset: used, not started or stopped. */
    public static SystemStack alreadyRunning(String name, Path home, String defaultPortOffset) {
        return new SystemStack(name, home, false, defaultPortOffset, Duration.ofMinutes(10));
    }

    public String name() {
        return name;
    }

    /**
     * Skips the calling test unless this run started the stack: a test that stops parts of it cannot start them again
     * on a developer's running stack, which is used, never stopped.
     */
    public void assumeStartedByThisRun() {
        Assumptions.assumeTrue(owned, "the run did not start the " + name + " stack, so it does not stop any of it");
    }

    /** Starts every component not yet running and waits until all are ready. */
    public SystemStack start() {
        if (owned) {
            launcher.start();
        }
        return this;
    }

    /** Starts the infrastructure and these services (those running are left alone), {@code replicas} instances of some. */
    public SystemStack start(List<String> services, Map<String, Integer> replicas) {
        if (owned) {
            launcher.start(services, replicas);
        }
        return this;
    }

    public SystemStack start(List<String> services) {
        return start(services, Map.of());
    }

    /** Stops every component (every replica of each service). */
    public void stop() {
        if (owned) {
            launcher.stop();
        }
    }

    /**
     * Stops one component: a service (all its instances), one instance ({@code groups-service-2}), kafka or postgres.
     * On a developer's running stack the calling test is skipped instead, as by {@link #assumeStartedByThisRun()}.
     */
    public void stop(String component) {
        assumeStartedByThisRun();
        launcher.stop(component);
    }

    /** SIGKILL of one instance's process, waiting until it is gone; skipped like {@link #stop(String)}. */
    public void kill(String instance) {
        assumeStartedByThisRun();
        ProcessHandle process = ProcessHandle.of(launcher.processes().get(instance).get(0)).orElseThrow();
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Stops the stack, keeps its logs and deletes its data folder. Safe after a start that failed half-way. */
    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try {
            launcher.stop();
        } finally {
            keepLogs();
            deleteHome();
        }
    }

    public URI gatewayUrl() {
        return launcher.url(GATEWAY);
    }

    /** The address of one instance of a service: its name ({@code reporting-service}) or a replica's ({@code -2}). */
    public URI instanceUrl(String instance) {
        for (var service : Components.SERVICES) {
            for (var running : launcher.instances(service)) {
                if (running.name().equals(instance)) {
                    return launcher.url(running);
                }
            }
        }
        throw new IllegalArgumentException(instance);
    }

    public URI smtpCatcherUrl() {
        return launcher.smtpCatcherUrl();
    }

    /** A bearer token of the local identity provider. */
    public String token(String role, String... groups) {
        return launcher.token(role, List.of(groups));
    }

    /** A bearer token for a named person: {@code subject} is the {@code sub} their changes record as author. */
    public String token(String subject, String role, List<String> groups) {
        return LocalJwtKeys.load(launcher.settings().jwtDir()).token(subject, role, groups);
    }

    /** The processes of the stack now alive, by component. */
    public Map<String, List<Long>> processes() {
        return launcher.processes();
    }

    public Path home() {
        return home;
    }

    public Path logFile(String component) {
        return launcher.settings().logFile(component);
    }

    public String kafkaBootstrapServers() {
        return launcher.settings().kafkaBootstrapServers();
    }

    public Connection connect(String database) throws SQLException {
        Settings settings = launcher.settings();
        return DriverManager.getConnection(settings.jdbcUrl(database), settings.postgresUser(), settings.postgresPassword());
    }

    private void keepLogs() {
        Path logs = home.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        Path kept = Path.of("target", name + "-system-test-logs");
        try (var files = Files.list(logs)) {
            Files.createDirectories(kept);
            for (Path log : files.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            System.err.println("The logs of the " + name + " stack were not kept: " + e);
        }
    }

    private void deleteHome() {
        try (var paths = Files.walk(home)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("The data folder of the " + name + " stack was not deleted: " + e);
        }
    }
}
