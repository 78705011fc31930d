package org.ws2.localstack;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The repository's deployment and operator files as the tests read them: YAML as plain maps and lists,
 * and the service environment a fresh checkout's local stack would hand out, to compare them with.
 */
final class RepoFiles {

    static final Path REPO = Settings.findRepo(Path.of(""));

    private RepoFiles() {
    }

    /** What {@code ./ws2 start} sets for a service's first instance, at offset 0 with its own PostgreSQL and Kafka. */
    static Map<String, String> localStackEnvironment(Service s) {
        Settings settings = Settings.from(Map.of("WS2_REPO_DIR", REPO.toString(), "WS2_PORT_OFFSET", "0",
                "WS2_POSTGRES_HOST", "", "WS2_KAFKA_BOOTSTRAP_SERVERS", ""));
        return new ServiceEnvironment(settings).variables(new ServiceInstance(s, 1));
    }

    static Map<String, Object> dockerCompose() {
        return yaml(REPO.resolve("docker-compose.yml"));
    }

    static Map<String, Object> yaml(Path file) {
        try (Reader r = Files.newBufferedReader(file)) {
            return new Yaml().load(r);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    static List<String> strings(Object o) {
        return list(o).stream().map(String::valueOf).toList();
    }
}
