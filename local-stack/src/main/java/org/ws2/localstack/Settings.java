package org.ws2.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the local stack lives and what it talks to. Every value comes from, in order: the explicit
 * overrides (tests), a system property, an environment variable; an empty value counts as unset so a
 * caller can switch an inherited variable off.
 */
public record Settings(
        Path repoDir,
        Path home,
        int portOffset,
        ExternalPostgres externalPostgres,
        String externalKafka,
        String infraClasspath,
        Duration startTimeout,
        String bindAddress,
        List<String> serviceJvmOptions,
        boolean recordClassData,
        boolean aotContexts) {

    /**
     * The two values of {@code WS2_BIND_ADDRESS}, where every component listens. This machine only by
     * default, because the local sign-in page hands an admin token to whoever asks; {@link #EVERY_INTERFACE}
     * opens the stack to the network (docs/operators.md says what must change first). No other address:
     * the components reach one another on 127.0.0.1, which both include.
     */
    public static final String LOOPBACK = "127.0.0.1";
    public static final String EVERY_INTERFACE = "0.0.0.0";

    /** A PostgreSQL the launcher does not run; null in {@link Settings} when it runs its own. */
    public record ExternalPostgres(String host, int port, String user, String password) {
    }

    public static Settings fromEnvironment() {
        return from(Map.of());
    }

    public static Settings from(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(System.getenv());
        System.getProperties().forEach((k, v) -> values.put(k.toString(), v.toString()));
        values.putAll(overrides);
        values.values().removeIf(String::isBlank);

        Path repo = values.containsKey("WS2_REPO_DIR")
                ? Path.of(values.get("WS2_REPO_DIR")).toAbsolutePath().normalize()
                : findRepo(Path.of(System.getProperty("user.dir")));
        Path home = values.containsKey("WS2_HOME")
                ? Path.of(values.get("WS2_HOME")).toAbsolutePath().normalize()
                : repo.resolve(".ws2-local");
        int offset = Integer.parseInt(values.getOrDefault("WS2_PORT_OFFSET", "0"));

        ExternalPostgres postgres = null;
        if (values.containsKey("WS2_POSTGRES_HOST")) {
            postgres = new ExternalPostgres(values.get("WS2_POSTGRES_HOST"),
                    Integer.parseInt(values.getOrDefault("WS2_POSTGRES_PORT", "5432")),
                    values.getOrDefault("WS2_POSTGRES_USER", "postgres"),
                    values.getOrDefault("WS2_POSTGRES_PASSWORD", ""));
        }
        String classpath = values.getOrDefault("WS2_LOCAL_STACK_CLASSPATH",
                // under Surefire/Failsafe java.class.path is a temporary manifest-only jar
                values.getOrDefault("surefire.test.class.path", System.getProperty("java.class.path")));
        Duration timeout = Duration.ofSeconds(Long.parseLong(values.getOrDefault("WS2_START_TIMEOUT_SECONDS", "180")));
        String bindAddress = values.getOrDefault("WS2_BIND_ADDRESS", LOOPBACK);
        if (!bindAddress.equals(LOOPBACK) && !bindAddress.equals(EVERY_INTERFACE)) {
            throw new LocalStackException("WS2_BIND_ADDRESS=" + bindAddress + " is not supported: " + LOOPBACK
                    + " (this machine only, the default) or " + EVERY_INTERFACE + " (every interface; see docs/operators.md)");
        }
        // options added to every service's JVM, e.g. -XX:TieredStopAtLevel=1 where a start matters more than peak speed
        List<String> serviceJvmOptions = values.containsKey("WS2_SERVICE_JVM_OPTIONS")
                ? List.of(values.get("WS2_SERVICE_JVM_OPTIONS").trim().split("\\s+")) : List.of();
        // a stack in a folder that is thrown away after one run (the tests') never maps what it would record
        boolean recordClassData = !"false".equals(values.get("WS2_APPCDS_RECORD"));
        // An AOT-processed context decided at build time, from application.yml, which beans exist. A Spring setting
        // in the environment may add or remove some (the OTLP exporter exists only with its endpoint), so a stack
        // given any runs its contexts as the JVM builds them, unless told that its settings decide no bean.
        boolean aotContexts = values.containsKey("WS2_SPRING_AOT") ? Boolean.parseBoolean(values.get("WS2_SPRING_AOT"))
                : !carriesSpringSettings(values.keySet());
        return new Settings(repo, home, offset, postgres, values.get("WS2_KAFKA_BOOTSTRAP_SERVERS"), classpath, timeout, bindAddress,
                serviceJvmOptions, recordClassData, aotContexts);
    }

    /** Whether these variable names include a Spring setting ({@code SPRING_*}, {@code MANAGEMENT_*}). */
    static boolean carriesSpringSettings(Collection<String> names) {
        return names.stream().anyMatch(name -> name.startsWith("SPRING_") || name.startsWith("MANAGEMENT_"));
    }

    /** True when other machines can reach the stack's ports. */
    public boolean reachableFromOtherMachines() {
        return !bindAddress.equals(LOOPBACK);
    }

    /** The repository root: the nearest folder at or above {@code start} holding pom.xml and ws2. */
    public static Path findRepo(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isRegularFile(dir.resolve("ws2"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the WS2 repository (a folder with pom.xml and ws2) above "
                + start + "; set WS2_REPO_DIR");
    }

    public int port(int basePort) {
        return basePort + portOffset;
    }

    public String postgresHost() {
        return externalPostgres == null ? "127.0.0.1" : externalPostgres.host();
    }

    public int postgresPort() {
        return externalPostgres == null ? port(Ports.POSTGRES) : externalPostgres.port();
    }

    public String postgresUser() {
        return externalPostgres == null ? "postgres" : externalPostgres.user();
    }

    public String postgresPassword() {
        return externalPostgres == null ? "" : externalPostgres.password();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost() + ":" + postgresPort() + "/" + database;
    }

    public String kafkaBootstrapServers() {
        return externalKafka != null ? externalKafka : "127.0.0.1:" + port(Ports.KAFKA);
    }

    public Path logFile(String component) {
        return home.resolve("logs").resolve(component + ".log");
    }

    public Path pidFile(String component) {
        return home.resolve("run").resolve(component + ".pid");
    }

    /**
     * A service's builds, each extracted into a folder of its own with its class-data archive; for the broker,
     * PostgreSQL's launcher and the mail catcher, a folder per set of jars with its archive (AppCds).
     */
    public Path appsDir(String component) {
        return home.resolve("apps").resolve(component);
    }

    public Path jwtDir() {
        return home.resolve("jwt");
    }

    public Path postgresDataDir() {
        return home.resolve("postgres");
    }

    public String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
