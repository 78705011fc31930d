package org.ws2.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.ws2.localstack.Launcher;
import org.ws2.localstack.Settings;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12: two instances each of groups-service and reporting-service behind the gateway; under a steady
 * load through the gateway (readers of both services, a writer of groups and a writer of recommendations,
 * whose events both services consume) one instance of each is killed with SIGKILL. Then:
 * <ul>
 * <li><b>no 5xx on reads after the first failed health check</b>: every read's status is recorded; the
 * moment the gateway's health check dropped each dead instance is taken from the gateway's own log (the last
 * time its load balancer picked that instance, TRACE, once it has not for two check intervals — no later than the
 * check, and earlier when a refused connection left it out first (the gateway's RefusedInstances): Spring Cloud
 * LoadBalancer does not log a refused check), and every read of that service started after it must be a 200;</li>
 * <li><b>no acknowledged write lost</b>: every write answered 2xx is in the source of truth, read back
 * through the gateway: each entity in the state and at the version of its last acknowledged write (or of a
 * later unacknowledged one the load then read back), and each acknowledged write's note exactly once in
 * the entity's history;</li>
 * <li><b>each event applied once</b>: every event of the load's aggregates on the topics (read from Kafka)
 * is in the processed-event table of each consumer exactly once and nothing else is; each consumer's
 * history holds one row per version and its read model the source's last version.</li>
 * </ul>
 * Before the kill, each of the four instances must have served requests (its own request metrics), so the
 * kill really takes away half of each service. The figures (reads and writes by status in each phase,
 * health-check times, duplicates on the topics, redeliveries skipped) are printed whatever fails.
 * <p>
 * Part of {@code ./mvnw -B verify} (about two minutes on a quiet machine); {@code -Dws2.system-test.replicas=false}
 * leaves it out.
 * <p>
 * Its own stack (without notifications-service and the pages, which it does not need) on ports offset by
 * {@code -Dws2.system-test.port-offset} (default {@link #DEFAULT_PORT_OFFSET}, clear of every other system
 * test's ports); Failsafe runs the system test classes one after the other in one JVM, each stopping its
 * stack in {@code @AfterAll}.
 */
@DisabledIfSystemProperty(named = "ws2.system-test.replicas", matches = "false",
        disabledReason = "left out with -Dws2.system-test.replicas=false")
class ReplicasSystemIT {

    /**
     * Every port (19080-19175, 24025, 26432, 29025, 30092-30093) is below Linux's ephemeral range and none is
     * a port of EndToEndSystemIT's or BrowserJourneysIT's stack (10000), FaultInjectionSystemIT's (12000) or
     * LauncherIT's (5000).
     */
    static final String DEFAULT_PORT_OFFSET = "11000";
    static final Path REPO = Settings.findRepo(Path.of(""));
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> STACK = List.of("recommendations-service", "groups-service", "reporting-service",
            Launcher.GATEWAY);
    static final List<String> KILLED = List.of("groups-service-2", "reporting-service-2");
    /** A read is judged by the service that answers it. */
    static final Map<String, String> READS = Map.of(
            "/api/groups/ALAC", "groups-service",
            "/api/assignments?groupId=ALAC&size=5", "groups-service",
            "/api/reports/summary", "reporting-service",
            "/api/reports/progress", "reporting-service");
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    static final String TAG = "replicas";
    static final String GROUP_PREFIX = "REPLICA-TEST-";
    static final Map<String, String> NEXT = Map.of("NOT_STARTED", "PLANNING", "PLANNING", "IN_PROGRESS",
            "IN_PROGRESS", "ON_HOLD", "ON_HOLD", "NOT_STARTED");
    /** The consumers of the two replicated services, and the topic each reads. */
    static final Map<String, String> CONSUMERS = Map.of(
            "reporting.recommendation-read-model", "ws2.recommendations.v1",
            "reporting.group-history", "ws2.groups.v1",
            "groups.known-recommendations", "ws2.recommendations.v1");
    /** The gateway's TRACE line for each instance its load balancer picks (a retry picks again). */
    static final Pattern CHOSEN = Pattern.compile(
            "\"@timestamp\":\"([^\"]+)\".*LoadBalancerClientFilter url chosen: http://127\\.0\\.0\\.1:(\\d+)/");
    /** Two health-check intervals without the gateway picking the dead instance: a check has dropped it. */
    static final Duration DROPPED = Duration.ofSeconds(10);

    @TempDir
    static Path home;
    static Launcher launcher;
    static URI gateway;
    static String staff;

    @BeforeAll
    static void startTwoInstancesOfGroupsAndReporting() {
        launcher = new Launcher(Settings.from(Map.of(
                "WS2_REPO_DIR", REPO.toString(),
                "WS2_HOME", home.toString(),
                "WS2_PORT_OFFSET", System.getProperty("ws2.system-test.port-offset", DEFAULT_PORT_OFFSET),
                // six service JVMs starting at once on two cores shared with other builds took 6-7 min at load 35
                "WS2_START_TIMEOUT_SECONDS", "600",
                "WS2_POSTGRES_HOST", "",
                "WS2_KAFKA_BOOTSTRAP_SERVERS", "")));
        gateway = launcher.url(Launcher.GATEWAY);
        launcher.start(STACK, Map.of("groups-service", 2, "reporting-service", 2));
        staff = launcher.token("support-staff", List.of());
    }

    @AfterAll
    static void stopTheStack() throws IOException {
        launcher.stop();
        // the stack's logs outlive the temporary folder, for a failure to be read after the run
        Path kept = Path.of("target", "replicas-system-test-logs");
        Files.createDirectories(kept);
        try (var logs = Files.list(home.resolve("logs"))) {
            for (Path log : logs.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    // ---------------------------------------------------------------- the test

    @Test
    void killingOneInstanceOfEachUnderLoadLosesNoReadNoWriteAndAppliesEachEventOnce() {
        assertThat(launcher.processes()).containsKeys("groups-service", "groups-service-2", "reporting-service",
                "reporting-service-2");
        Load load = Load.start();
        Map<String, Instant> firstFailedCheck = new TreeMap<>();
        Instant killedAt = null;
        AssertionError failure = null;
        try {
            // warmed up: both instances of each service have answered requests of the load, and writes go through
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    load.acknowledged(a -> a.what().startsWith("PUT /api/groups")) >= 5
                            && load.acknowledged(a -> a.what().contains("/transitions")) >= 5
                            && KILLED.stream().allMatch(i -> apiRequestsServed(i) >= 10)
                            && List.of("groups-service", "reporting-service").stream().allMatch(i -> apiRequestsServed(i) >= 10));
            load.servedBeforeKill.putAll(Map.of("groups-service", apiRequestsServed("groups-service"),
                    "groups-service-2", apiRequestsServed("groups-service-2"),
                    "reporting-service", apiRequestsServed("reporting-service"),
                    "reporting-service-2", apiRequestsServed("reporting-service-2")));

            killedAt = Instant.now();
            load.killedAt = killedAt;
            for (String instance : KILLED) {
                ProcessHandle process = ProcessHandle.of(launcher.processes().get(instance).get(0)).orElseThrow();
                process.destroyForcibly();
                process.onExit().join();
            }
            // The health check's failure itself is not logged (a refused connection is a silent "not alive" in
            // Spring Cloud LoadBalancer; only a timeout is logged), so its moment is measured where it shows: the
            // last time the gateway's load balancer picked the dead instance, once it has not for two intervals.
            Instant since = killedAt;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Instant now = Instant.now();
                for (String instance : KILLED) {
                    Instant last = lastChosen(instance, since).orElse(since);
                    if (Duration.between(last, now).compareTo(DROPPED) >= 0) {
                        firstFailedCheck.put(instance, last);
                    } else {
                        firstFailedCheck.remove(instance);
                    }
                }
                return firstFailedCheck.size() == KILLED.size();
            });
            load.firstFailedCheck.putAll(firstFailedCheck);
            // the load goes on with one instance of each: enough reads of each service and writes after the checks
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() ->
                    READS.values().stream().distinct().allMatch(service -> load.readsAfterCheck(service).size() >= 30)
                            && load.acknowledgedSince(a -> a.what().startsWith("PUT /api/groups"), load.settled()) >= 10
                            && load.acknowledgedSince(a -> a.what().contains("/transitions"), load.settled()) >= 10);
        } catch (AssertionError | RuntimeException e) {
            failure = e instanceof AssertionError a ? a : new AssertionError(e);
        } finally {
            load.stop();
        }

        String converged;
        Events events = null;
        long stopped = System.nanoTime();
        try {
            if (failure != null) {
                throw failure;
            }
            theSourceHoldsEveryAcknowledgedWrite(load);
            events = Events.read(load);
            Events all = events;
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> eachEventIsAppliedOnceByEveryConsumer(load, all));
            converged = "%.1f s after the load stopped".formatted((System.nanoTime() - stopped) / 1e9);
        } catch (AssertionError | Exception e) {
            // Exception too: Awaitility rethrows a checked SQLException from the checks as it is
            failure = failure != null ? failure : e instanceof AssertionError a ? a : new AssertionError(e);
            converged = "NOT checked or NOT within 120 s: " + e.getMessage();
        }
        load.printFigures(events, converged);
        if (failure != null) {
            throw failure;
        }

        assertThat(load.servedBeforeKill).as("/api requests each instance served before the kill")
                .allSatisfy((instance, served) -> assertThat(served).as(instance).isGreaterThanOrEqualTo(10));
        assertThat(load.matching(a -> !a.write() && a.started().isBefore(load.killedAt)))
                .as("reads before the kill").isNotEmpty()
                .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
        for (String service : List.of("groups-service", "reporting-service")) {
            assertThat(load.readsAfterCheck(service))
                    .as("reads of %s started after its first failed health check", service).hasSizeGreaterThanOrEqualTo(30)
                    .allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(200));
        }
        assertThat(load.surprises).as("writes that found the version moved by a write the load never made").isEmpty();
    }

    // ---------------------------------------------------------------- measuring

    /** The /api requests an instance has answered, from its own request metrics (read on its own port). */
    static long apiRequestsServed(String instanceName) {
        HttpResponse<String> metrics = SteadyLoad.send(HttpRequest.newBuilder(instanceUrl(instanceName)
                .resolve("/actuator/prometheus")).timeout(Duration.ofSeconds(10)).GET().build());
        if (metrics == null || metrics.statusCode() != 200) {
            return 0;
        }
        return Math.round(metrics.body().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("uri=\"/api/"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum());
    }

    static URI instanceUrl(String instanceName) {
        for (Launcher.Service service : Launcher.SERVICES) {
            for (Launcher.Instance instance : launcher.instances(service)) {
                if (instance.name().equals(instanceName)) {
                    return launcher.url(instance);
                }
            }
        }
        throw new IllegalArgumentException(instanceName);
    }

    /** The last time, at or after {@code since}, the gateway's load balancer picked this instance. */
    static Optional<Instant> lastChosen(String instanceName, Instant since) {
        String port = String.valueOf(instanceUrl(instanceName).getPort());
        try (var lines = Files.lines(launcher.settings().logFile(Launcher.GATEWAY))) {
            return lines.filter(line -> line.contains("url chosen")).map(CHOSEN::matcher).filter(Matcher::find)
                    .filter(m -> m.group(2).equals(port)).map(m -> Instant.parse(m.group(1)))
                    .filter(at -> !at.isBefore(since)).max(Instant::compareTo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- the load

    /** One answer: status 0 is no answer within {@link #ANSWER_TIMEOUT}, -1 a connection that failed. */
    record Answer(boolean write, String what, String service, Instant started, long startedNanos, long millis, int status,
            String body) {

        @Override
        public String toString() {
            return (write ? "write " : "read ") + what + " at " + started + " -> " + status + " after " + millis + " ms"
                    + (status / 100 == 2 || body == null ? "" : ": " + body.substring(0, Math.min(body.length(), 300)));
        }
    }

    /** What the load believes an entity is, from the answers it was given. */
    static final class Tracked {
        String state;
        long version;
        /** The note of every acknowledged write of the entity, each unique. */
        final List<String> notes = new ArrayList<>();
        /** A write failed without an answer saying whether it was applied: read the source before the next one. */
        boolean uncertain;

        Tracked(String state, long version) {
            this.state = state;
            this.version = version;
        }
    }

    /**
     * Four readers (each cycling through reads of both services) and two writers: one creates groups and
     * renames them with If-Match (groups-service), the other creates recommendations and moves them along
     * their lifecycle with If-Match (recommendations-service; its events feed reporting and groups). Each a
     * platform thread recording every answer.
     */
    static final class Load {
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Tracked> groups = Collections.synchronizedMap(new LinkedHashMap<>());
        final Map<String, Tracked> recommendations = Collections.synchronizedMap(new LinkedHashMap<>());
        final List<String> surprises = Collections.synchronizedList(new ArrayList<>());
        final List<Thread> threads = new ArrayList<>();
        final Map<String, Long> servedBeforeKill = new TreeMap<>();
        final Map<String, Instant> firstFailedCheck = Collections.synchronizedMap(new TreeMap<>());
        volatile Instant killedAt;

        static Load start() {
            Load load = new Load();
            List<String> paths = List.copyOf(new TreeMap<>(READS).keySet());
            for (int r = 0; r < 4; r++) {
                int offset = r;
                load.threads.add(SteadyLoad.client("replicas-reader-" + r, () -> {
                    for (int n = offset; load.running.get(); n++) {
                        String path = paths.get(n % paths.size());
                        load.call(false, "GET " + path, READS.get(path), request(path).GET());
                        SteadyLoad.thinkTime(Duration.ofMillis(25));
                    }
                }));
            }
            load.threads.add(SteadyLoad.client("replicas-group-writer", load::writeGroups));
            load.threads.add(SteadyLoad.client("replicas-recommendation-writer", load::writeRecommendations));
            return load;
        }

        /** When the later of the two services' first failed health checks happened. */
        Instant settled() {
            return firstFailedCheck.values().stream().max(Instant::compareTo).orElse(Instant.MAX);
        }

        Instant checkOf(String service) {
            return firstFailedCheck.getOrDefault(service + "-2", Instant.MAX);
        }

        List<Answer> readsAfterCheck(String service) {
            Instant check = checkOf(service);
            return matching(a -> !a.write() && a.service().equals(service) && !a.started().isBefore(check));
        }

        private void writeGroups() {
            int turn = 0;
            for (int n = 0; running.get(); n++) {
                List<String> pool;
                synchronized (groups) {
                    pool = new ArrayList<>(groups.keySet());
                }
                String note = "replicas group write " + n;
                if (n % 3 == 0 || pool.isEmpty()) {
                    String id = GROUP_PREFIX + n;
                    Answer answer = call(true, "POST /api/groups " + id, "groups-service", request("/api/groups")
                            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                                    {"id":"%s","name":"Replica test group %d","kind":"AC","note":"%s"}"""
                                    .formatted(id, n, note))));
                    if (answer.status() == 201) {
                        JsonNode created = JSON.readTree(answer.body());
                        Tracked tracked = new Tracked(created.path("name").asString(), created.path("version").asLong());
                        groups.put(id, tracked);
                    }
                } else {
                    String id = pool.get(turn++ % pool.size());
                    Tracked state = groups.get(id);
                    if (state.uncertain && !refresh("/api/groups/" + id, state, node -> node.path("name").asString())) {
                        continue;
                    }
                    String name = "Replica test group renamed by write " + n;
                    Answer answer = call(true, "PUT /api/groups/" + id, "groups-service", request("/api/groups/" + id)
                            .header("Content-Type", "application/json").header("If-Match", "\"" + state.version + "\"")
                            .PUT(HttpRequest.BodyPublishers.ofString("""
                                    {"name":"%s","kind":"AC","changeNote":"%s"}""".formatted(name, note))));
                    settle(answer, state, note, node -> node.path("name").asString(), "/api/groups/" + id);
                }
                SteadyLoad.thinkTime(Duration.ofMillis(50));
            }
        }

        private void writeRecommendations() {
            int turn = 0;
            for (int n = 0; running.get(); n++) {
                List<String> pool;
                synchronized (recommendations) {
                    pool = new ArrayList<>(recommendations.keySet());
                }
                String note = "replicas recommendation write " + n;
                if (n % 4 == 0 || pool.isEmpty()) {
                    String id = "7.91." + n;
                    Answer answer = call(true, "POST /api/recommendations " + id, "recommendations-service",
                            request("/api/recommendations").header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("""
                                            {"id":"%s","title":"Replica test %s","ownership":"ORG","tags":["%s"],"note":"%s"}"""
                                            .formatted(id, id, TAG, note))));
                    if (answer.status() == 201) {
                        Tracked tracked = new Tracked("NOT_STARTED", JSON.readTree(answer.body()).path("version").asLong());
                        tracked.notes.add(note);
                        recommendations.put(id, tracked);
                    }
                } else {
                    String id = pool.get(turn++ % pool.size());
                    Tracked state = recommendations.get(id);
                    if (state.uncertain && !refresh("/api/recommendations/" + id, state, node -> node.path("status").asString())) {
                        continue;
                    }
                    String path = "/api/recommendations/" + id + "/transitions";
                    Answer answer = call(true, "POST " + path, "recommendations-service", request(path)
                            .header("Content-Type", "application/json").header("If-Match", "\"" + state.version + "\"")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"" + NEXT.get(state.state)
                                    + "\",\"note\":\"" + note + "\"}")));
                    settle(answer, state, note, node -> node.path("status").asString(), "/api/recommendations/" + id);
                }
                SteadyLoad.thinkTime(Duration.ofMillis(50));
            }
        }

        /** Takes an update's answer into the tracked state: acknowledged, refused for its version, or unknown. */
        private void settle(Answer answer, Tracked state, String note, Function<JsonNode, String> stateOf, String path) {
            if (answer.status() / 100 == 2) {
                JsonNode now = JSON.readTree(answer.body());
                synchronized (state) {
                    state.state = stateOf.apply(now);
                    state.version = now.path("version").asLong();
                    state.notes.add(note);
                }
            } else if (answer.status() == 409 || answer.status() == 412) {
                // only a write the load was never told of could have moved the version: report it, go on from the source
                surprises.add(answer.toString());
                state.uncertain = true;
            } else if (answer.status() / 100 != 4) {
                // a 5xx or no answer: the write may or may not have been applied
                state.uncertain = true;
            }
        }

        /** Reads the entity's state from the source after a write whose outcome is unknown; false if that failed too. */
        private boolean refresh(String path, Tracked state, Function<JsonNode, String> stateOf) {
            HttpResponse<String> current = SteadyLoad.send(request(path).GET().build());
            if (current == null || current.statusCode() != 200) {
                return false;
            }
            JsonNode now = JSON.readTree(current.body());
            synchronized (state) {
                state.state = stateOf.apply(now);
                state.version = now.path("version").asLong();
                state.uncertain = false;
            }
            return true;
        }

        private Answer call(boolean write, String what, String service, HttpRequest.Builder request) {
            Instant started = Instant.now();
            long startedNanos = System.nanoTime();
            HttpResponse<String> response = SteadyLoad.send(request.build());
            Answer answer = new Answer(write, what, service, started, startedNanos,
                    (System.nanoTime() - startedNanos) / 1_000_000, response == null ? -1 : response.statusCode(),
                    response == null ? null : response.body());
            answers.add(answer);
            return answer;
        }

        long acknowledged(Predicate<Answer> which) {
            return matching(a -> a.write() && a.status() / 100 == 2 && which.test(a)).size();
        }

        long acknowledgedSince(Predicate<Answer> which, Instant since) {
            return matching(a -> a.write() && a.status() / 100 == 2 && !a.started().isBefore(since) && which.test(a)).size();
        }

        List<Answer> matching(Predicate<Answer> filter) {
            synchronized (answers) {
                return answers.stream().filter(filter).toList();
            }
        }

        void stop() {
            running.set(false);
            threads.forEach(t -> {
                try {
                    t.join(ANSWER_TIMEOUT.toMillis() + 10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        void printFigures(Events events, String converged) {
            Function<List<Answer>, Map<Integer, Long>> byStatus = list -> list.stream()
                    .collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
            Instant kill = killedAt == null ? Instant.MAX : killedAt;
            StringBuilder out = new StringBuilder("==== replicas: groups-service-2 and reporting-service-2 SIGKILLed at "
                    + killedAt + "\n");
            out.append("  /api requests served before the kill, per instance: ").append(servedBeforeKill).append('\n');
            out.append("  gateway last picked the dead instance (a refused connection or its health check had dropped it by then): ");
            firstFailedCheck.forEach((instance, at) -> out.append(instance).append(" %.1f s after the kill; "
                    .formatted(Duration.between(kill, at).toMillis() / 1000.0)));
            out.append('\n');
            for (String service : List.of("groups-service", "reporting-service")) {
                Instant check = checkOf(service);
                out.append("  reads of %s: before the kill %s; kill to first failed check %s; after it %s%n".formatted(service,
                        byStatus.apply(matching(a -> !a.write() && a.service().equals(service) && a.started().isBefore(kill))),
                        byStatus.apply(matching(a -> !a.write() && a.service().equals(service) && !a.started().isBefore(kill)
                                && a.started().isBefore(check))),
                        byStatus.apply(readsAfterCheck(service))));
            }
            for (String service : List.of("groups-service", "recommendations-service")) {
                out.append("  writes to %s: before the kill %s; after it %s%n".formatted(service,
                        byStatus.apply(matching(a -> a.write() && a.service().equals(service) && a.started().isBefore(kill))),
                        byStatus.apply(matching(a -> a.write() && a.service().equals(service) && !a.started().isBefore(kill)))));
            }
            out.append("  slowest read %d ms; groups %d, recommendations %d; version surprises %d%n".formatted(
                    matching(a -> !a.write()).stream().mapToLong(Answer::millis).max().orElse(0), groups.size(),
                    recommendations.size(), surprises.size()));
            if (events != null) {
                out.append("  events of the load on the topics: ").append(events.summary()).append('\n');
            }
            out.append("  redeliveries skipped as already applied, per log: ").append(redeliveriesSkipped()).append('\n');
            out.append("  consumers converged ").append(converged).append('\n');
            matching(a -> !a.write() && a.status() != 200 && !a.started().isBefore(checkOf(a.service()))).stream().limit(10)
                    .forEach(a -> out.append("  read after the check: ").append(a).append('\n'));
            surprises.stream().limit(10).forEach(s -> out.append("  version surprise: ").append(s).append('\n'));
            try (var lines = Files.lines(launcher.settings().logFile(Launcher.GATEWAY))) {
                lines.filter(line -> line.contains("HealthCheckServiceInstanceListSupplier")).map(line -> {
                    Matcher at = Pattern.compile("\"@timestamp\":\"([^\"]+)\"").matcher(line);
                    Matcher message = Pattern.compile("\"message\":\"([^\"]{0,200})").matcher(line);
                    return (at.find() ? at.group(1) : "?") + " " + (message.find() ? message.group(1) : line);
                }).filter(line -> line.compareTo(kill.toString()) >= 0).limit(12)
                        .forEach(line -> out.append("  gateway health check: ").append(line).append('\n'));
            } catch (IOException | UncheckedIOException e) {
                out.append("  gateway log unreadable: ").append(e).append('\n');
            }
            System.out.print(out);
            System.out.flush();
        }

        /** EventConsumer's DEBUG line for an event redelivered (after the kill, a rebalance) and skipped. */
        Map<String, Long> redeliveriesSkipped() {
            Map<String, Long> counts = new TreeMap<>();
            for (String instance : List.of("groups-service", "groups-service-2", "reporting-service", "reporting-service-2")) {
                Path log = launcher.settings().logFile(instance);
                try (var lines = Files.lines(log)) {
                    counts.put(instance, lines.filter(line -> line.contains("was already applied by")).count());
                } catch (IOException | UncheckedIOException e) {
                    counts.put(instance, -1L);
                }
            }
            return counts;
        }
    }

    // ---------------------------------------------------------------- the checks

    /**
     * The source of truth, through the gateway: every group and recommendation whose creation was acknowledged
     * exists at the version the load last knew (its last acknowledged write, or a later state it read back), and
     * each acknowledged write's note is in the entity's history exactly once.
     */
    static void theSourceHoldsEveryAcknowledgedWrite(Load load) {
        assertThat(load.groups).as("groups created").isNotEmpty();
        assertThat(load.recommendations).as("recommendations created").isNotEmpty();
        check(load.groups, "/api/groups/", node -> node.path("name").asString());
        check(load.recommendations, "/api/recommendations/", node -> node.path("status").asString());
    }

    private static void check(Map<String, Tracked> tracked, String path, Function<JsonNode, String> stateOf) {
        Map<String, Tracked> copy;
        synchronized (tracked) {
            copy = new TreeMap<>(tracked);
        }
        copy.forEach((id, state) -> {
            JsonNode now = JSON.readTree(ok(get(path + id)).body());
            if (!state.uncertain) {
                assertThat(now.path("version").asLong()).as("version of " + id).isEqualTo(state.version);
                assertThat(stateOf.apply(now)).as("state of " + id).isEqualTo(state.state);
            } else {
                assertThat(now.path("version").asLong()).as("version of " + id + " (last write unanswered)")
                        .isGreaterThanOrEqualTo(state.version);
            }
            List<String> notes = new ArrayList<>();
            JSON.readTree(ok(get(path + id + "/history")).body()).forEach(change -> notes.add(change.path("note").asString()));
            for (String note : state.notes) {
                assertThat(notes.stream().filter(note::equals).count()).as("'%s' in the history of %s: %s", note, id, notes)
                        .isEqualTo(1);
            }
        });
    }

    /** The load's events as the topics hold them: each record's event id, aggregate id and version. */
    record Event(String topic, String id, String aggregate, long version) {
    }

    record Events(List<Event> records) {

        Set<String> ids(String topic) {
            return records.stream().filter(e -> e.topic().equals(topic)).map(Event::id).collect(Collectors.toSet());
        }

        Set<String> versions(String topic) {
            return records.stream().filter(e -> e.topic().equals(topic)).map(e -> e.aggregate() + "@" + e.version())
                    .collect(Collectors.toSet());
        }

        String summary() {
            Map<String, String> byTopic = new TreeMap<>();
            for (String topic : Set.copyOf(CONSUMERS.values())) {
                long count = records.stream().filter(e -> e.topic().equals(topic)).count();
                byTopic.put(topic, "%d records, %d distinct events (%d sent twice by an outbox relay)".formatted(count,
                        ids(topic).size(), count - ids(topic).size()));
            }
            return byTopic.toString();
        }

        /**
         * Reads both topics from the start until every entity the load wrote has an event at the version the source
         * holds now (the relays may still be sending when the load stops).
         */
        static Events read(Load load) {
            Map<String, Long> expected = new HashMap<>();
            for (Map<String, Tracked> tracked : List.of(load.groups, load.recommendations)) {
                String path = tracked == load.groups ? "/api/groups/" : "/api/recommendations/";
                for (String id : List.copyOf(tracked.keySet())) {
                    expected.put(id, JSON.readTree(ok(get(path + id)).body()).path("version").asLong());
                }
            }
            List<Event> records = new ArrayList<>();
            Map<String, Long> latest = new HashMap<>();
            try (var consumer = new KafkaConsumer<String, String>(Map.of(
                    "bootstrap.servers", launcher.settings().kafkaBootstrapServers(),
                    "group.id", "replicas-system-test-" + java.util.UUID.randomUUID(),
                    "auto.offset.reset", "earliest",
                    "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(Set.copyOf(CONSUMERS.values()));
                await().atMost(Duration.ofSeconds(120)).until(() -> {
                    consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                        if (expected.containsKey(record.key())) {
                            JsonNode event = JSON.readTree(record.value());
                            long version = event.path("aggregateversion").asLong();
                            records.add(new Event(record.topic(), event.path("id").asString(), record.key(), version));
                            latest.merge(record.key(), version, Math::max);
                        }
                    });
                    return expected.entrySet().stream().allMatch(e -> latest.getOrDefault(e.getKey(), -1L) >= e.getValue());
                });
                // and the rest of what the topics hold now (a duplicate sent after the latest version)
                Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                        if (expected.containsKey(record.key())) {
                            JsonNode event = JSON.readTree(record.value());
                            records.add(new Event(record.topic(), event.path("id").asString(), record.key(),
                                    event.path("aggregateversion").asLong()));
                        }
                    });
                    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
                });
            }
            return new Events(records);
        }
    }

    /**
     * For each consumer of the two replicated services, in its own database: the load's events it recorded as
     * processed are exactly the distinct events on its topic (the primary key allows one row per event: none
     * missing, none extra); its history holds exactly one row per version; its read model is at the source's
     * last version.
     */
    static void eachEventIsAppliedOnceByEveryConsumer(Load load, Events events) throws SQLException {
        Set<String> groupIds = Set.copyOf(load.groups.keySet());
        Set<String> recommendationIds = Set.copyOf(load.recommendations.keySet());
        Map<String, Long> latest = new HashMap<>();
        events.records().forEach(e -> latest.merge(e.aggregate(), e.version(), Math::max));
        for (Map.Entry<String, String> consumer : new TreeMap<>(CONSUMERS).entrySet()) {
            String database = consumer.getKey().startsWith("reporting.") ? "ws2_reporting" : "ws2_groups";
            Set<String> expected = events.ids(consumer.getValue());
            Set<String> processed = new HashSet<>(query(database,
                    "SELECT event_id FROM ws2_processed_event WHERE consumer = ? AND event_id = ANY (?)",
                    consumer.getKey(), expected.toArray(String[]::new)));
            assertThat(processed).as("events processed by %s vs the distinct events on %s", consumer.getKey(),
                    consumer.getValue()).isEqualTo(expected);
        }
        // the version tables' primary key (id, version) allows one row per version; these compare which rows exist
        assertThat(Set.copyOf(query("ws2_reporting", "SELECT id || '@' || version FROM recommendation_version WHERE id = ANY (?)",
                (Object) recommendationIds.toArray(String[]::new)))).as("reporting's recommendation history: one row per version")
                .isEqualTo(events.versions("ws2.recommendations.v1"));
        assertThat(Set.copyOf(query("ws2_reporting", "SELECT id || '@' || version FROM group_version WHERE id = ANY (?)",
                (Object) groupIds.toArray(String[]::new)))).as("reporting's group history: one row per version")
                .isEqualTo(events.versions("ws2.groups.v1"));
        Map<String, Long> sourceVersions = new TreeMap<>();
        recommendationIds.forEach(id -> sourceVersions.put(id, latest.get(id)));
        assertThat(versions("ws2_reporting", "SELECT id, version FROM recommendation WHERE id = ANY (?)", recommendationIds))
                .as("reporting's read model at each recommendation's last version").isEqualTo(sourceVersions);
        assertThat(versions("ws2_groups", "SELECT id, version FROM known_recommendation WHERE id = ANY (?)", recommendationIds))
                .as("groups-service's copy at each recommendation's last version").isEqualTo(sourceVersions);
    }

    /** A {@code String[]} parameter is bound as one SQL array: pass it cast to {@code Object}, not spread as varargs. */
    private static List<String> query(String database, String sql, Object... parameters) throws SQLException {
        try (Connection db = connect(database); PreparedStatement statement = db.prepareStatement(sql)) {
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

    private static Map<String, Long> versions(String database, String sql, Set<String> ids) throws SQLException {
        try (Connection db = connect(database); PreparedStatement statement = db.prepareStatement(sql)) {
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

    private static void bind(Connection db, PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i] instanceof String[] array ? db.createArrayOf("text", array) : parameters[i]);
        }
    }

    private static Connection connect(String database) throws SQLException {
        Settings settings = launcher.settings();
        return DriverManager.getConnection(settings.jdbcUrl(database), settings.postgresUser(), settings.postgresPassword());
    }

    // ---------------------------------------------------------------- HTTP

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).timeout(ANSWER_TIMEOUT)
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", "Bearer " + staff);
    }

    static HttpResponse<String> get(String path) {
        return SteadyLoad.send(request(path).GET().build());
    }

    static HttpResponse<String> ok(HttpResponse<String> response) {
        assertThat(response).as("an answer").isNotNull();
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
        return response;
    }
}
