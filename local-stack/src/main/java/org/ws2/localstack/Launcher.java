package org.ws2.localstack;

import org.ws2.localsigning.LocalJwtKeys;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs the whole WS2 system on one machine: PostgreSQL and Kafka as their own JVMs (unless external
 * ones are configured), then the six service jars (the four services, the web pages and the gateway), each an OS process recorded in a pid file under
 * {@code $WS2_HOME/run} so that any later invocation can stop it. {@code ./ws2} is a thin wrapper
 * around {@link #main}; the system tests use the same class in-process.
 */
public final class Launcher {

    static final int POSTGRES_PORT = 15432;
    static final int KAFKA_PORT = 19092;
    static final int KAFKA_CONTROLLER_PORT = 19093;
    /** The SMTP catcher: SMTP for the services, and a web page and REST API to read what it caught. */
    static final int SMTP_PORT = 13025;
    static final int SMTP_API_PORT = 18025;
    public static final String POSTGRES = "postgres";
    public static final String KAFKA = "kafka";
    public static final String SMTP = "smtp";
    public static final String GATEWAY = "gateway";
    public static final String WEB = "web";

    /** A service jar: {@code <name>/target/<name>.jar}, its base port and its own database (none for the gateway). */
    public record Service(String name, int basePort, String database, String uriVariable) {
    }

    /** One running copy of a service: the first has the service's name and port, replica n is {@code <name>-n}. */
    public record Instance(Service service, int number) {

        public String name() {
            return number == 1 ? service.name() : service.name() + "-" + number;
        }

        int basePort() {
            return service.basePort() + REPLICA_PORT_STEP * (number - 1);
        }
    }

    public static final List<Service> SERVICES = List.of(
            new Service("recommendations-service", 8081, "ws2_recommendations", "WS2_RECOMMENDATIONS_URI"),
            new Service("groups-service", 8082, "ws2_groups", "WS2_GROUPS_URI"),
            new Service("reporting-service", 8083, "ws2_reporting", "WS2_REPORTING_URI"),
            new Service("notifications-service", 8084, "ws2_notifications", "WS2_NOTIFICATIONS_URI"),
            // the pages: a client of the gateway, which routes browsers to it
            new Service(WEB, 8085, null, "WS2_WEB_URI"),
            new Service(GATEWAY, 8080, null, null));

    /**
     * Full JIT (C2 served ~1.55x the requests of {@code -XX:TieredStopAtLevel=1}); start-up comes from
     * class-data sharing instead (see {@link #serviceCommand}). Serial GC: a small heap on a shared
     * machine needs no parallel collector threads. docs/performance.md has the measurements.
     */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    /** Heap per service, sized from what each holds (the catalogue service answers "as of" reads in memory); RSS stays under 300 MB. */
    static final Map<String, String> SERVICE_HEAP = Map.of(
            "recommendations-service", "-Xmx192m",
            "groups-service", "-Xmx160m",
            "reporting-service", "-Xmx128m",
            "notifications-service", "-Xmx128m",
            GATEWAY, "-Xmx128m");

    /** Replica {@code n} (n >= 2) of a service listens {@code 10 * (n - 1)} above the service's port (8092 for groups-service's second). */
    static final int REPLICA_PORT_STEP = 10;
    static final int MAX_REPLICAS = 9;

    /**
     * Long enough for Spring's graceful shutdown and, on the first run of a build, the JVM writing
     * its class-data archive at exit: at 30 s a notifications-service on a machine at load average 60
     * was killed before it had written one.
     */
    private static final Duration STOP_GRACE = Duration.ofSeconds(90);

    private final Settings settings;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public Launcher(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public Launcher(Settings settings) {
        this(settings, System.out);
    }

    public Settings settings() {
        return settings;
    }

    public static List<String> componentNames() {
        List<String> names = new ArrayList<>(List.of(POSTGRES, KAFKA, SMTP));
        SERVICES.forEach(s -> names.add(s.name()));
        return names;
    }

    // ---------------------------------------------------------------- start

    /** Starts everything not yet running and waits until all of it is ready. */
    public void start() {
        start(SERVICES.stream().map(Service::name).toList());
    }

    /** Starts the infrastructure and the named services (those already running are left alone), and waits until ready. */
    public void start(Collection<String> serviceNames) {
        start(serviceNames, Map.of());
    }

    /**
     * As {@link #start(Collection)}, running {@code replicas.get(name)} instances of the services named
     * there. The counts are remembered in {@code $WS2_HOME/run/replicas.properties} for later starts; the
     * gateway learns the instances when it starts, so start replicas before it (or restart it).
     */
    public void start(Collection<String> serviceNames, Map<String, Integer> replicas) {
        Set<String> wanted = new LinkedHashSet<>(serviceNames);
        wanted.forEach(Launcher::service);
        mkdirs(settings.home().resolve("logs"));
        Replicas.update(settings.home(), replicas);
        LocalJwtKeys.loadOrCreate(settings.jwtDir());

        Instant t0 = Instant.now();
        stopOrphanedPostmaster();
        preflight(wanted);
        startInfrastructure();
        if (wanted.isEmpty()) {
            out.printf("PostgreSQL and Kafka are up (%d s)%n", Duration.between(t0, Instant.now()).toSeconds());
            return;
        }
        // The first instance of each service, then the further replicas once those are ready: the first
        // migrates and seeds a fresh database alone, and fewer JVMs start at once on a small machine.
        // (Replicas seeding together are safe too: they take turns, service-defaults' SeedLock.) In each wave the back-end services first and the gateway right after:
        // the gateway needs none of them to start, and health-checks the replicas as they come up.
        for (boolean furtherReplicas : List.of(false, true)) {
            List<Instance> wave = new ArrayList<>();
            for (Service s : SERVICES) {
                if (wanted.contains(s.name())) {
                    instances(s).stream().filter(i -> (i.number() > 1) == furtherReplicas).forEach(wave::add);
                }
            }
            for (Instance i : wave) {
                startProcess(i.name(), () -> serviceCommand(i), serviceEnvironment(i));
            }
            for (Instance i : wave) {
                String url = readinessUrl(i);
                await(i.name(), () -> isReady(url), "/actuator/health/readiness to answer 200");
            }
        }
        out.printf("WS2 is up (%d s). Gateway: %s%n", Duration.between(t0, Instant.now()).toSeconds(), url(GATEWAY));
        for (Service s : SERVICES) {
            if (!s.name().equals(GATEWAY)) {
                for (Instance i : instances(s)) {
                    out.printf("  %-24s %s%n", i.name(), url(i));
                }
            }
        }
        out.printf("  logs in %s%n", settings.home().resolve("logs"));
    }

    /** Checked before starting anything, so that a taken port or a missing jar does not leave half a stack running. */
    private void preflight(Set<String> services) {
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        if (settings.externalPostgres() == null) {
            ports.put(POSTGRES, List.of(settings.postgresPort()));
        }
        if (settings.externalKafka() == null) {
            ports.put(KAFKA, List.of(settings.port(KAFKA_PORT), settings.port(KAFKA_CONTROLLER_PORT)));
        }
        ports.put(SMTP, List.of(settings.port(SMTP_PORT), settings.port(SMTP_API_PORT)));
        services.forEach(name -> instances(service(name)).forEach(i -> ports.put(i.name(), List.of(settings.port(i.basePort())))));
        for (String name : services) {
            Path jar = jar(service(name));
            if (instances(service(name)).stream().anyMatch(i -> PidFile.live(settings.pidFile(i.name())).isEmpty()) && !Files.isRegularFile(jar)) {
                throw new LauncherException(jar + " is missing: build first (./mvnw -B -q -DskipTests package, or ./ws2 start)");
            }
        }
        ports.forEach((name, list) -> {
            if (PidFile.live(settings.pidFile(name)).isEmpty()) {
                list.stream().filter(Launcher::portOpen).findFirst().ifPresent(port -> {
                    throw new LauncherException(name + " cannot start: port " + port + " is already in use by another process"
                            + " (another WS2 stack? WS2_PORT_OFFSET=100 runs a second one on other ports)");
                });
            }
        });
    }

    private void startInfrastructure() {
        boolean localPostgres = settings.externalPostgres() == null;
        boolean localKafka = settings.externalKafka() == null;
        if (localPostgres) {
            startProcess(POSTGRES, () -> javaCommand("-Xmx128m", LocalPostgres.class,
                    settings.postgresDataDir().toString(), String.valueOf(settings.postgresPort())), Map.of());
        }
        if (localKafka) {
            startProcess(KAFKA, () -> javaCommand("-Xmx512m", LocalKafka.class, settings.home().toString(),
                    String.valueOf(settings.port(KAFKA_PORT)), String.valueOf(settings.port(KAFKA_CONTROLLER_PORT))),
                    Map.of());
        }
        startProcess(SMTP, this::smtpCatcherCommand, Map.of());
        if (localPostgres) {
            await(POSTGRES, () -> missingDatabases().isEmpty(), "PostgreSQL to accept connections with the four databases");
        } else {
            try (Connection admin = adminConnection()) {
                List<String> created = Databases.createMissing(admin);
                out.printf("%-24s external %s:%d%s%n", POSTGRES, settings.postgresHost(), settings.postgresPort(),
                        created.isEmpty() ? "" : ", created " + created);
            } catch (SQLException e) {
                throw new LauncherException("Cannot reach the external PostgreSQL at " + settings.postgresHost() + ":"
                        + settings.postgresPort() + " (WS2_POSTGRES_HOST): " + e.getMessage(), e);
            }
        }
        if (localKafka) {
            await(KAFKA, () -> portOpen(settings.port(KAFKA_PORT)), "the broker to accept connections on port " + settings.port(KAFKA_PORT));
        } else {
            out.printf("%-24s external %s%n", KAFKA, settings.externalKafka());
        }
        await(SMTP, () -> portOpen(settings.port(SMTP_PORT)) && portOpen(settings.port(SMTP_API_PORT)),
                "the SMTP catcher to accept connections on ports " + settings.port(SMTP_PORT) + " and "
                        + settings.port(SMTP_API_PORT));
        out.printf("%-24s mail caught at %s (REST: /api/user/<address>/messages/INBOX/)%n", SMTP, smtpCatcherUrl());
    }

    /**
     * GreenMail standalone (a self-contained jar copied to {@code local-stack/target/smtp-catcher}): an SMTP
     * server that accepts mail for any address and keeps it in memory, with a web page and REST API to read it.
     */
    private List<String> smtpCatcherCommand() {
        Path jar = settings.repoDir().resolve("local-stack/target/smtp-catcher/greenmail-standalone.jar");
        if (!Files.isRegularFile(jar)) {
            throw new LauncherException(jar + " is missing: build first (./mvnw -B -q -DskipTests package, or ./ws2 start)");
        }
        return List.of(settings.javaCommand(), "-Xmx96m", "-XX:+UseSerialGC",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + settings.port(SMTP_PORT),
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + settings.port(SMTP_API_PORT),
                "-Dgreenmail.auth.disabled", "-jar", jar.toString());
    }

    /** Where a person opens the mail the local stack sent. */
    public URI smtpCatcherUrl() {
        return URI.create("http://localhost:" + settings.port(SMTP_API_PORT) + "/");
    }

    /** The command is only computed when the component is not running: computing it may copy its jar. */
    private void startProcess(String name, Supplier<List<String>> commandLine, Map<String, String> environment) {
        Optional<ProcessHandle> running = PidFile.live(settings.pidFile(name));
        if (running.isPresent()) {
            out.printf("%-24s already running (pid %d)%n", name, running.get().pid());
            return;
        }
        List<String> command = commandLine.get();
        Path log = settings.logFile(name);
        try {
            mkdirs(log.getParent());
            Files.writeString(log, "==== " + LocalDateTime.now() + " starting " + String.join(" ", command) + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(settings.repoDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            PidFile.write(settings.pidFile(name), process.toHandle());
            out.printf("%-24s started (pid %d), log %s%n", name, process.pid(), log);
        } catch (IOException e) {
            throw new LauncherException("Cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    private void await(String name, BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(settings.startTimeout());
        while (!condition.getAsBoolean()) {
            if (PidFile.live(settings.pidFile(name)).isEmpty()) {
                throw new LauncherException(name + " stopped while starting; see its log " + settings.logFile(name)
                        + tail(settings.logFile(name)));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new LauncherException(name + " was not ready after " + settings.startTimeout().toSeconds()
                        + " s (waiting for " + what + "); see its log " + settings.logFile(name) + tail(settings.logFile(name)));
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("Interrupted while waiting for " + name, e);
            }
        }
    }

    private List<String> javaCommand(String heap, Class<?> main, String... args) {
        List<String> command = new ArrayList<>(List.of(settings.javaCommand(), heap, "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=ws2-local-stack-log4j2.properties",
                "-cp", settings.infraClasspath(), main.getName()));
        command.addAll(Arrays.asList(args));
        return command;
    }

    /**
     * Runs the service from its jar extracted under {@code $WS2_HOME/apps/<service>/<content hash>/},
     * never from {@code target/}: a rebuild while the stack runs rewrites {@code target/*.jar}, and a
     * JVM whose jar changes under it fails on its next class load. The extracted layout (a thin jar and
     * {@code lib/}) is what class-data sharing needs: the first run of a build records the classes it
     * loaded into {@code app.jsa} when it stops ({@code -XX:ArchiveClassesAtExit}); later runs map them
     * from there instead of loading and verifying them again ({@code -XX:SharedArchiveFile}).
     */
    private List<String> serviceCommand(Instance instance) {
        Service s = instance.service();
        Path app = AppCds.extracted(settings.javaCommand(), jar(s), settings.home().resolve("apps").resolve(s.name()),
                () -> instances(s).stream().allMatch(i -> PidFile.live(settings.pidFile(i.name())).isEmpty()));
        List<String> command = new ArrayList<>(List.of(settings.javaCommand(), SERVICE_HEAP.getOrDefault(s.name(), "-Xmx192m")));
        command.addAll(SERVICE_JVM_OPTIONS);
        // Recording is opt-in (WS2_APPCDS_RECORD=true): on a machine at load average 65 the JVMs
        // started with -XX:ArchiveClassesAtExit did not exit within 90 s and were killed, archive unwritten.
        command.addAll(AppCds.options(app, instance.number() == 1 && "true".equals(System.getenv("WS2_APPCDS_RECORD"))));
        command.addAll(List.of("-jar", app.resolve(s.name() + ".jar").toString()));
        return command;
    }

    Path jar(Service s) {
        return settings.repoDir().resolve(s.name()).resolve("target").resolve(s.name() + ".jar");
    }

    /** The variables of the runtime contract; docker-compose.yml sets the same ones. */
    public Map<String, String> serviceEnvironment(Service s) {
        return serviceEnvironment(new Instance(s, 1));
    }

    /** The gateway is given every instance of each service, comma-separated, and balances across the healthy ones. */
    Map<String, String> serviceEnvironment(Instance instance) {
        Service s = instance.service();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(settings.port(instance.basePort())));
        if (s.database() != null) {
            env.put("SPRING_DATASOURCE_URL", settings.jdbcUrl(s.database()));
            env.put("SPRING_DATASOURCE_USERNAME", settings.postgresUser());
            env.put("SPRING_DATASOURCE_PASSWORD", settings.postgresPassword());
            env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        } else if (s.name().equals(WEB)) {
            env.put("WS2_GATEWAY_URI", "http://127.0.0.1:" + settings.port(service(GATEWAY).basePort()));
            // the local sign-in page exists only because the local stack hands over its signing key
            env.put("WS2_LOCAL_SIGNING_KEY_DIR", settings.jwtDir().toString());
        } else {
            for (Service backend : SERVICES) {
                if (backend.uriVariable() != null) {
                    env.put(backend.uriVariable(), String.join(",", instances(backend).stream()
                            .map(i -> "http://127.0.0.1:" + settings.port(i.basePort())).toList()));
                }
            }
        }
        if (s.name().equals("notifications-service")) {
            env.put("SPRING_MAIL_HOST", "127.0.0.1");
            env.put("SPRING_MAIL_PORT", String.valueOf(settings.port(SMTP_PORT)));
            env.put("WS2_PUBLIC_BASE_URL", "http://localhost:" + settings.port(service(GATEWAY).basePort()));
            // Local receivers (a script, a test server) listen on plain http on this machine.
            env.put("WS2_WEBHOOKS_ALLOW_HTTP", "true");
            env.put("WS2_WEBHOOKS_ALLOW_LOOPBACK", "true");
        }
        env.put("WS2_JWT_PUBLIC_KEY_LOCATION", "file:" + settings.jwtDir().resolve("public.pem"));
        return env;
    }

    // ---------------------------------------------------------------- stop

    /** Stops every service (every replica), then Kafka and PostgreSQL. */
    public void stop() {
        int stopped = stopAll(SERVICES.stream().flatMap(s -> allInstanceNames(s).stream()).toList())
                + stopAll(List.of(SMTP, KAFKA, POSTGRES));
        if (stopped == 0) {
            out.println("Nothing was running.");
        }
    }

    /** Stops one component, e.g. {@code recommendations-service} (all its replicas), {@code groups-service-2} or {@code postgres}. */
    public void stop(String name) {
        Optional<Service> service = SERVICES.stream().filter(s -> s.name().equals(name)).findFirst();
        if (service.isPresent()) {
            stopAll(allInstanceNames(service.get()));
        } else if (componentNames().contains(name) || SERVICES.stream().anyMatch(s -> allInstanceNames(s).contains(name))) {
            stopAll(List.of(name));
        } else {
            throw new LauncherException("Unknown component '" + name + "'; one of " + componentNames());
        }
    }

    /** SIGTERM to all of them at once, so that shutdowns overlap; SIGKILL after a grace period. */
    private int stopAll(List<String> names) {
        // pg_ctl reports "stopped" once the server removed its pid file, a moment before the process is gone
        Optional<ProcessHandle> server = names.contains(POSTGRES) ? postmaster() : Optional.empty();
        Map<String, ProcessHandle> running = new LinkedHashMap<>();
        for (String name : names) {
            PidFile.live(settings.pidFile(name)).ifPresentOrElse(p -> running.put(name, p),
                    () -> PidFile.delete(settings.pidFile(name)));
        }
        running.values().forEach(ProcessHandle::destroy);
        running.forEach((name, process) -> {
            boolean clean = PidFile.awaitExit(process, STOP_GRACE);
            if (!clean) {
                PidFile.terminate(process, Duration.ZERO);
            }
            PidFile.delete(settings.pidFile(name));
            out.printf("%-24s stopped (pid %d%s)%n", name, process.pid(), clean ? "" : ", killed after " + STOP_GRACE.toSeconds() + " s");
        });
        server.filter(p -> !PidFile.awaitExit(p, Duration.ofSeconds(10))).ifPresent(this::stopPostmaster);
        return running.size();
    }

    /**
     * A PostgreSQL server left behind by a LocalPostgres JVM that was killed holds the data folder and
     * the port: stop it before starting a new one.
     */
    private void stopOrphanedPostmaster() {
        if (settings.externalPostgres() == null && PidFile.live(settings.pidFile(POSTGRES)).isEmpty()) {
            postmaster().ifPresent(this::stopPostmaster);
        }
    }

    /** SIGINT is PostgreSQL's fast shutdown: it disconnects clients instead of waiting for them. */
    private void stopPostmaster(ProcessHandle server) {
        out.printf("%-24s stopping the PostgreSQL server its JVM left behind (pid %d)%n", POSTGRES, server.pid());
        try {
            new ProcessBuilder("kill", "-INT", String.valueOf(server.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            server.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!PidFile.awaitExit(server, Duration.ofSeconds(20))) {
            server.destroyForcibly();
            PidFile.awaitExit(server, Duration.ofSeconds(5));
        }
    }

    /** The PostgreSQL server process, from the first line of its {@code postmaster.pid}. */
    Optional<ProcessHandle> postmaster() {
        Path pidFile = settings.postgresDataDir().resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The processes of the stack now alive: each component's JVM, its children and the PostgreSQL server. */
    public Map<String, List<Long>> processes() {
        Map<String, List<Long>> pids = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(List.of(POSTGRES, KAFKA));
        SERVICES.forEach(s -> names.addAll(allInstanceNames(s)));
        for (String name : names) {
            PidFile.live(settings.pidFile(name)).ifPresent(p -> {
                List<Long> list = new ArrayList<>(List.of(p.pid()));
                p.descendants().forEach(d -> list.add(d.pid()));
                pids.put(name, list);
            });
        }
        postmaster().ifPresent(p -> pids.put("postgres-server", List.of(p.pid())));
        return pids;
    }

    // ---------------------------------------------------------------- status, token

    public record Status(String name, Long pid, String endpoint, boolean ready, Path log) {
    }

    public List<Status> status() {
        List<Status> result = new ArrayList<>();
        if (settings.externalPostgres() == null) {
            result.add(infraStatus(POSTGRES, settings.postgresPort(), "jdbc:postgresql://127.0.0.1:" + settings.postgresPort()));
        }
        if (settings.externalKafka() == null) {
            result.add(infraStatus(KAFKA, settings.port(KAFKA_PORT), settings.kafkaBootstrapServers()));
        }
        result.add(infraStatus(SMTP, settings.port(SMTP_PORT), smtpCatcherUrl().toString()));
        for (Service s : SERVICES) {
            for (String name : allInstanceNames(s)) {
                Instance i = new Instance(s, name.equals(s.name()) ? 1 : Integer.parseInt(name.substring(s.name().length() + 1)));
                Long pid = PidFile.live(settings.pidFile(name)).map(ProcessHandle::pid).orElse(null);
                if (pid != null || i.number() == 1) {
                    result.add(new Status(name, pid, url(i).toString(), pid != null && isReady(readinessUrl(i)), settings.logFile(name)));
                }
            }
        }
        return result;
    }

    private Status infraStatus(String name, int port, String endpoint) {
        Long pid = PidFile.live(settings.pidFile(name)).map(ProcessHandle::pid).orElse(null);
        return new Status(name, pid, endpoint, pid != null && portOpen(port), settings.logFile(name));
    }

    public String token(String role, List<String> groups) {
        return LocalJwtKeys.loadOrCreate(settings.jwtDir()).token(role, groups);
    }

    public URI url(String serviceName) {
        return URI.create("http://localhost:" + settings.port(service(serviceName).basePort()));
    }

    public URI url(Instance instance) {
        return URI.create("http://localhost:" + settings.port(instance.basePort()));
    }

    private String readinessUrl(Instance i) {
        return "http://127.0.0.1:" + settings.port(i.basePort()) + "/actuator/health/readiness";
    }

    /** The instances to run of a service: as many as {@code --replicas} asked for, now or at an earlier start. */
    public List<Instance> instances(Service s) {
        int count = Replicas.read(settings.home()).getOrDefault(s.name(), 1);
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(n -> new Instance(s, n)).toList();
    }

    /** Every instance name a service may have run under, so that stop finds replicas started with a larger count. */
    private static List<String> allInstanceNames(Service s) {
        return java.util.stream.IntStream.rangeClosed(1, MAX_REPLICAS).mapToObj(n -> new Instance(s, n).name()).toList();
    }

    // ---------------------------------------------------------------- helpers

    private static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new LauncherException("Unknown service '" + name + "'; one of "
                        + SERVICES.stream().map(Service::name).toList()));
    }

    private boolean isReady(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private Connection adminConnection() throws SQLException {
        return Databases.connect(settings.postgresHost(), settings.postgresPort(), settings.postgresUser(), settings.postgresPassword());
    }

    private List<String> missingDatabases() {
        try (Connection admin = adminConnection()) {
            return Databases.missing(admin);
        } catch (SQLException e) {
            return Databases.NAMES;
        }
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "\n---- last lines of " + log.getFileName() + " ----\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** A failure the user can act on; the CLI prints its message without a stack trace. */
    public static final class LauncherException extends RuntimeException {
        LauncherException(String message) {
            super(message);
        }

        LauncherException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    // ---------------------------------------------------------------- command line

    public static void main(String[] args) {
        System.exit(run(args, Settings::fromEnvironment, System.out, System.err));
    }

    static int run(String[] args, Supplier<Settings> settings, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "" : args[0];
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            Launcher launcher = new Launcher(settings.get(), out);
            switch (command) {
                case "start" -> {
                    Map<String, Integer> replicas = new LinkedHashMap<>();
                    List<String> names = new ArrayList<>();
                    for (int i = 0; i < rest.size(); i++) {
                        if (rest.get(i).equals("--replicas") && i + 1 < rest.size()) {
                            replicas.putAll(Replicas.parse(rest.get(++i)));
                        } else if (rest.get(i).startsWith("--replicas=")) {
                            replicas.putAll(Replicas.parse(rest.get(i).substring("--replicas=".length())));
                        } else {
                            names.add(rest.get(i));
                        }
                    }
                    replicas.keySet().forEach(Launcher::service);
                    launcher.start(names.isEmpty() ? SERVICES.stream().map(Service::name).toList() : names, replicas);
                }
                case "stop" -> {
                    if (rest.isEmpty()) {
                        launcher.stop();
                    } else {
                        rest.forEach(launcher::stop);
                    }
                }
                case "status" -> {
                    for (Status s : launcher.status()) {
                        out.printf("%-24s %-17s %-8s %-32s %s%n", s.name(),
                                s.pid() == null ? "stopped" : "running pid " + s.pid(),
                                s.pid() == null ? "" : s.ready() ? "ready" : "starting", s.endpoint(), s.log());
                    }
                }
                case "token" -> {
                    if (rest.isEmpty()) {
                        err.println("usage: ws2 token <admin|support-staff|group-editor> [groupId...]");
                        return 2;
                    }
                    out.println(launcher.token(rest.get(0), rest.subList(1, rest.size())));
                }
                default -> {
                    err.println("""
                            usage: ws2 start [service...] [--replicas groups-service=2,reporting-service=2]
                                                            start everything not yet running, wait until ready
                                   ws2 stop [component...]  stop everything (or one: postgres, kafka, gateway, recommendations-service, ...)
                                   ws2 status
                                   ws2 token <admin|support-staff|group-editor> [groupId...]
                            """);
                    return 2;
                }
            }
            return 0;
        } catch (LauncherException | IllegalArgumentException | IllegalStateException e) {
            err.println("ws2: " + e.getMessage());
            return 1;
        }
    }
}
