package org.ws2.localstack;

import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL, Kafka and the SMTP catcher: each its own JVM, unless an external PostgreSQL or Kafka is
 * configured, in which case the launcher only checks it (and creates the databases it lacks).
 */
final class Infrastructure {

    /**
     * PostgreSQL's launcher and the mail catcher hold a few MB of live data and the broker a few tens, but the JVM's
     * default initial heap (1/64 of the machine's memory, capped by -Xmx) gives each a young generation of 30 to 130
     * MB, all of it resident after the first collections; from 32 MB the heap grows to what each needs.
     */
    private static final String INITIAL_HEAP = "-Xms32m";

    private final Settings settings;
    private final ComponentProcesses processes;
    private final PrintStream out;

    Infrastructure(Settings settings, ComponentProcesses processes, PrintStream out) {
        this.settings = settings;
        this.processes = processes;
        this.out = out;
    }

    /** The ports each infrastructure component this launcher runs will listen on. */
    Map<String, List<Integer>> ports() {
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        if (settings.externalPostgres() == null) {
            ports.put(Components.POSTGRES, List.of(settings.postgresPort()));
        }
        if (settings.externalKafka() == null) {
            ports.put(Components.KAFKA, List.of(settings.port(Ports.KAFKA), settings.port(Ports.KAFKA_CONTROLLER)));
        }
        ports.put(Components.SMTP, List.of(settings.port(Ports.SMTP), settings.port(Ports.SMTP_API)));
        return ports;
    }

    /**
     * Starts what is not running yet, all three at once, and waits for PostgreSQL only: a service's first
     * connection is its migration, while it meets Kafka ten seconds or more into its start (and its admin
     * client waits up to 30 s for the broker), so the services may start meanwhile. {@link #awaitBrokerAndMail}
     * waits for the other two.
     */
    void start() {
        boolean localPostgres = settings.externalPostgres() == null;
        boolean localKafka = settings.externalKafka() == null;
        if (localPostgres) {
            processes.start(Components.POSTGRES, () -> javaCommand(Components.POSTGRES, "-Xmx128m", LocalPostgres.class,
                    settings.postgresDataDir().toString(), String.valueOf(settings.postgresPort()), settings.bindAddress()), Map.of());
        }
        if (localKafka) {
            processes.start(Components.KAFKA, () -> javaCommand(Components.KAFKA, "-Xmx512m", LocalKafka.class, settings.home().toString(),
                    String.valueOf(settings.port(Ports.KAFKA)), String.valueOf(settings.port(Ports.KAFKA_CONTROLLER)),
                    settings.bindAddress()),
                    Map.of());
        }
        processes.start(Components.SMTP, this::smtpCatcherCommand, Map.of());
        if (localPostgres) {
            processes.await(Components.POSTGRES, () -> missingDatabases().isEmpty(),
                    "PostgreSQL to accept connections with the four databases");
        } else {
            createMissingExternalDatabases();
        }
    }

    /** Waits until the broker (unless external) and the SMTP catcher that {@link #start} started accept connections. */
    void awaitBrokerAndMail() {
        if (settings.externalKafka() == null) {
            processes.await(Components.KAFKA, () -> Readiness.portOpen(settings.port(Ports.KAFKA)),
                    "the broker to accept connections on port " + settings.port(Ports.KAFKA));
        } else {
            out.printf("%-24s external %s%n", Components.KAFKA, settings.externalKafka());
        }
        processes.await(Components.SMTP,
                () -> Readiness.portOpen(settings.port(Ports.SMTP)) && Readiness.portOpen(settings.port(Ports.SMTP_API)),
                "the SMTP catcher to accept connections on ports " + settings.port(Ports.SMTP) + " and "
                        + settings.port(Ports.SMTP_API));
        out.printf("%-24s mail caught at %s (REST: /api/user/<address>/messages/INBOX/)%n", Components.SMTP, smtpCatcherUrl());
    }

    List<ComponentStatus> status() {
        List<ComponentStatus> result = new ArrayList<>();
        if (settings.externalPostgres() == null) {
            result.add(status(Components.POSTGRES, settings.postgresPort(), "jdbc:postgresql://127.0.0.1:" + settings.postgresPort()));
        }
        if (settings.externalKafka() == null) {
            result.add(status(Components.KAFKA, settings.port(Ports.KAFKA), settings.kafkaBootstrapServers()));
        }
        result.add(status(Components.SMTP, settings.port(Ports.SMTP), smtpCatcherUrl().toString()));
        return result;
    }

    private ComponentStatus status(String name, int port, String endpoint) {
        Long pid = processes.running(name).map(ProcessHandle::pid).orElse(null);
        return new ComponentStatus(name, pid, endpoint, pid != null && Readiness.portOpen(port), settings.logFile(name));
    }

    /** Where a person opens the mail the local stack sent. */
    URI smtpCatcherUrl() {
        return URI.create("http://localhost:" + settings.port(Ports.SMTP_API) + "/");
    }

    /**
     * GreenMail standalone (a self-contained jar copied to {@code local-stack/target/smtp-catcher}): an SMTP
     * server that accepts mail for any address and keeps it in memory, with a web page and REST API to read it.
     */
    private List<String> smtpCatcherCommand() {
        Path jar = settings.repoDir().resolve("local-stack/target/smtp-catcher/greenmail-standalone.jar");
        if (!Files.isRegularFile(jar)) {
            throw new LocalStackException(jar + " is missing: build first (./mvnw -B -q -DskipTests package, or ./ws2 start)");
        }
        List<String> command = new ArrayList<>(List.of(settings.javaCommand(), "-Xmx96m", INITIAL_HEAP, "-XX:+UseSerialGC"));
        command.addAll(classData(Components.SMTP, List.of(jar)));
        command.addAll(List.of(
                "-Dgreenmail.smtp.hostname=" + settings.bindAddress(), "-Dgreenmail.smtp.port=" + settings.port(Ports.SMTP),
                "-Dgreenmail.api.hostname=" + settings.bindAddress(), "-Dgreenmail.api.port=" + settings.port(Ports.SMTP_API),
                "-Dgreenmail.auth.disabled", "-jar", jar.toString()));
        return command;
    }

    /** LocalPostgres and LocalKafka run from this module's own class path. */
    private List<String> javaCommand(String component, String heap, Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(settings.javaCommand(), heap, INITIAL_HEAP, "-XX:+UseSerialGC"));
        command.addAll(classData(component, Arrays.stream(settings.infraClasspath().split(File.pathSeparator)).map(Path::of).toList()));
        command.addAll(List.of("-Dlog4j2.configurationFile=ws2-local-stack-log4j2.properties",
                "-cp", settings.infraClasspath(), main.getName()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /**
     * Class-data sharing, as for the services (AppCds): mapped classes save the broker ~2 s of CPU before it
     * listens, on a start that is all CPU. Each runs once, so it records whenever the stack may.
     */
    private List<String> classData(String component, List<Path> classPath) {
        return AppCds.forClassPath(classPath, settings.appsDir(component))
                .map(folder -> AppCds.options(folder, settings.recordClassData()))
                .orElse(List.of());
    }

    private void createMissingExternalDatabases() {
        try (Connection admin = adminConnection()) {
            List<String> created = Databases.createMissing(admin);
            out.printf("%-24s external %s:%d%s%n", Components.POSTGRES, settings.postgresHost(), settings.postgresPort(),
                    created.isEmpty() ? "" : ", created " + created);
        } catch (SQLException e) {
            throw new LocalStackException("Cannot reach the external PostgreSQL at " + settings.postgresHost() + ":"
                    + settings.postgresPort() + " (WS2_POSTGRES_HOST): " + e.getMessage(), e);
        }
    }

    private List<String> missingDatabases() {
        try (Connection admin = adminConnection()) {
            return Databases.missing(admin);
        } catch (SQLException e) {
            return Databases.NAMES;
        }
    }

    private Connection adminConnection() throws SQLException {
        return Databases.connect(settings.postgresHost(), settings.postgresPort(), settings.postgresUser(), settings.postgresPassword());
    }
}
