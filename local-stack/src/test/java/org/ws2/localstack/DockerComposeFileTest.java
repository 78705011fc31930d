package org.ws2.localstack;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.localstack.RepoFiles.REPO;
import static org.ws2.localstack.RepoFiles.dockerCompose;
import static org.ws2.localstack.RepoFiles.list;
import static org.ws2.localstack.RepoFiles.localStackEnvironment;
import static org.ws2.localstack.RepoFiles.map;
import static org.ws2.localstack.RepoFiles.strings;

/**
 * There is no Docker engine to run docker-compose.yml here, so this checks what can go stale: every
 * service with its port, healthcheck and dependencies, and every environment variable a service
 * reads. The variables are found by scanning the services' own configuration for {@code ${VAR}}
 * placeholders, so the test fails as soon as a service starts reading one that compose does not set.
 */
class DockerComposeFileTest {

    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    /** Read by the services but deliberately left unset by compose, each with its reason. */
    static final Map<String, String> NOT_SET_ON_PURPOSE = Map.of(
            "WS2_JWT_ISSUER_URI", "production's OIDC issuer; compose uses the local key (WS2_JWT_PUBLIC_KEY_LOCATION) instead",
            "SERVER_ADDRESS", "in its container a service listens on the container's interface; `ports` publishes it on 127.0.0.1");

    final Map<String, Object> services = map(dockerCompose().get("services"));

    @Test
    void namesEveryServiceWithItsPortHealthcheckAndJar() {
        for (Service s : Components.SERVICES) {
            Map<String, Object> service = map(services.get(s.name()));
            assertThat(service).as(s.name()).isNotNull();
            assertThat(list(service.get("ports"))).as(s.name())
                    .contains("127.0.0.1:" + s.basePort() + ":" + s.basePort());
            assertThat(String.valueOf(map(service.get("environment")).get("SERVER_PORT"))).isEqualTo(String.valueOf(s.basePort()));
            // the gateway's actuator has a port of its own, not published (Readiness.actuatorBasePort)
            int actuatorPort = Readiness.actuatorBasePort(new ServiceInstance(s, 1));
            assertThat(String.join(" ", strings(map(service.get("healthcheck")).get("test"))))
                    .as(s.name()).contains("127.0.0.1/" + actuatorPort, "/actuator/health/readiness");
            assertThat(list(service.get("ports"))).as(s.name()).noneMatch(p -> actuatorPort != s.basePort()
                    && String.valueOf(p).endsWith(":" + actuatorPort));
            assertThat(list(service.get("volumes"))).as(s.name())
                    .contains("./" + s.name() + "/target/" + s.name() + ".jar:/app/app.jar:ro");
            assertThat(service.get("mem_limit")).as(s.name()).isNotNull();
            assertThat(service.get("image")).isEqualTo("eclipse-temurin:17-jre");
            // the same JVM as ./ws2 start's, but for the heap, which the container's limit bounds
            assertThat(strings(service.get("entrypoint"))).as(s.name())
                    .containsAll(ServiceEnvironment.SERVICE_JVM_OPTIONS.stream().filter(o -> !o.startsWith("-Xms")).toList())
                    .contains("-XX:TrimNativeHeapInterval=5000");
            if (s.name().equals(Components.WEB)) {
                // the pages need nothing to start; they call the gateway when a browser asks
                assertThat(service.get("depends_on")).as(s.name()).isNull();
                continue;
            }
            Map<String, Object> dependsOn = map(service.get("depends_on"));
            List<String> expected = s.database() == null
                    ? Components.SERVICES.stream().map(Service::name).filter(n -> !n.equals(s.name())).toList()
                    : List.of("postgres", "kafka");
            assertThat(dependsOn.keySet()).as(s.name()).containsExactlyInAnyOrderElementsOf(expected);
            dependsOn.values().forEach(d -> assertThat(map(d).get("condition")).isEqualTo("service_healthy"));
        }
    }

    @Test
    void setsEveryVariableTheServicesRead() throws IOException {
        for (Service s : Components.SERVICES) {
            Set<String> expected = new TreeSet<>(localStackEnvironment(s).keySet());
            expected.addAll(placeholders(s));
            expected.removeAll(NOT_SET_ON_PURPOSE.keySet());

            assertThat(map(map(services.get(s.name())).get("environment")).keySet()).as(s.name() + " environment")
                    .containsAll(expected);
        }
    }

    @Test
    void pointsEachServiceAtItsOwnDatabaseAndTheGatewayAtTheServices() {
        for (Service s : Components.SERVICES) {
            Map<String, Object> env = map(map(services.get(s.name())).get("environment"));
            if (s.database() != null) {
                assertThat(env.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + s.database());
                assertThat(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            } else if (s.name().equals(Components.WEB)) {
                assertThat(env.get("WS2_GATEWAY_URI")).isEqualTo("http://gateway:8080");
            } else {
                Components.SERVICES.stream().filter(b -> b.uriVariable() != null).forEach(b ->
                        assertThat(env.get(b.uriVariable())).isEqualTo("http://" + b.name() + ":" + b.basePort()));
            }
            assertThat(env.get("WS2_JWT_PUBLIC_KEY_LOCATION")).isEqualTo("file:/ws2/jwt/public.pem");
        }
    }

    @Test
    void publishesEveryPortOnLocalhostOnly() {
        services.forEach((name, service) -> {
            Object ports = map(service).get("ports");
            if (ports != null) {
                assertThat(strings(ports)).as(name).allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:"));
            }
        });
    }

    @Test
    void eachServiceConnectsAsItsOwnUserWithAPasswordFromTheUncommittedEnvFile() throws IOException {
        String users = Files.readString(REPO.resolve("local-stack/src/main/docker/create-service-users.sh"));
        for (Service s : Components.SERVICES) {
            if (s.database() == null) {
                continue;
            }
            Map<String, Object> env = map(map(services.get(s.name())).get("environment"));
            assertThat(env.get("SPRING_DATASOURCE_USERNAME")).as(s.name()).isEqualTo(s.database());
            String passwordVariable = "WS2_" + s.database().substring("ws2_".length()).toUpperCase() + "_DB_PASSWORD";
            assertThat((String) env.get("SPRING_DATASOURCE_PASSWORD")).as(s.name())
                    .startsWith("${" + passwordVariable + ":?");
            assertThat(map(map(services.get("postgres")).get("environment"))).containsKey(passwordVariable);
            assertThat(Files.readString(REPO.resolve(".env.example"))).contains(passwordVariable + "=");
        }
        assertThat(users).contains("NOSUPERUSER", "OWNER TO", "REVOKE ALL ON DATABASE");
        assertThat((String) map(map(services.get("postgres")).get("environment")).get("POSTGRES_PASSWORD"))
                .startsWith("${POSTGRES_SUPERUSER_PASSWORD:?");
        assertThat(Files.readAllLines(REPO.resolve(".gitignore"))).contains(".env");
        assertThat(list(map(services.get("postgres")).get("volumes")).stream().map(String::valueOf))
                .anyMatch(v -> v.contains("create-service-users.sh:/docker-entrypoint-initdb.d/"));
    }

    @Test
    void runsKafkaInKraftModeAndPostgres17WithTheFourDatabases() throws IOException {
        Map<String, Object> kafka = map(services.get("kafka"));
        assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
        assertThat(map(kafka.get("environment"))).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat(kafka.get("healthcheck")).isNotNull();

        Map<String, Object> postgres = map(services.get("postgres"));
        assertThat(postgres.get("image")).isEqualTo("postgres:17");
        assertThat(postgres.get("healthcheck")).isNotNull();
        String init = list(postgres.get("volumes")).stream().map(String::valueOf)
                .filter(v -> v.contains("docker-entrypoint-initdb.d")).findFirst().orElseThrow();
        String sql = Files.readString(REPO.resolve(init.substring(0, init.indexOf(':'))));
        Databases.NAMES.forEach(db -> assertThat(sql).contains("CREATE DATABASE " + db + ";"));
    }

    /** The {@code ${VAR}} placeholders in a service's configuration, and in the shared defaults the back-end services use. */
    static Set<String> placeholders(Service s) throws IOException {
        List<Path> roots = new ArrayList<>(List.of(REPO.resolve(s.name()).resolve("src/main/resources")));
        if (s.database() != null) {
            roots.add(REPO.resolve("service-defaults/src/main/resources"));
        }
        Set<String> found = new TreeSet<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(DockerComposeFileTest::isConfiguration).toList()) {
                    Matcher m = PLACEHOLDER.matcher(Files.readString(f));
                    while (m.find()) {
                        found.add(m.group(1));
                    }
                }
            }
        }
        return found;
    }

    static boolean isConfiguration(Path f) {
        String name = f.getFileName().toString();
        return name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".properties");
    }

    @Test
    void theReplicasFileUnpublishesEveryServiceSoItCanScaleAndTheGatewayFindsItByName() throws IOException {
        Map<String, Object> replicas;
        try (Reader r = Files.newBufferedReader(REPO.resolve("docker-compose.replicas.yml"))) {
            replicas = new Yaml(new ResetTagConstructor()).load(r);
        }
        Map<String, Object> scaled = map(replicas.get("services"));
        Map<String, Object> gatewayEnvironment = map(map(services.get(Components.GATEWAY)).get("environment"));
        for (Service s : Components.SERVICES) {
            if (s.uriVariable() == null || s.name().equals(Components.WEB)) {
                continue;
            }
            assertThat(map(scaled.get(s.name())).get("ports")).as(s.name()).isEqualTo(ResetTagConstructor.RESET);
            assertThat(services).as("the replicas file overrides only services of docker-compose.yml").containsKey(s.name());
            assertThat(gatewayEnvironment.get(s.uriVariable())).as(s.name())
                    .isEqualTo("http://" + s.name() + ":" + s.basePort());
        }
        assertThat(scaled).doesNotContainKeys(Components.GATEWAY, Components.WEB);
    }

    /** Compose's {@code !reset} tag (drop what the base file set), which plain SnakeYAML does not know. */
    static final class ResetTagConstructor extends org.yaml.snakeyaml.constructor.SafeConstructor {

        static final String RESET = "!reset";

        ResetTagConstructor() {
            super(new org.yaml.snakeyaml.LoaderOptions());
            yamlConstructors.put(new org.yaml.snakeyaml.nodes.Tag("!reset"),
                    new org.yaml.snakeyaml.constructor.AbstractConstruct() {
                        @Override
                        public Object construct(org.yaml.snakeyaml.nodes.Node node) {
                            return RESET;
                        }
                    });
        }
    }
}
