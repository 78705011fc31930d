package org.ws2.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ws2.systemtests.support.ConsumerChecks;
import org.ws2.systemtests.support.GatewayClient;
import org.ws2.systemtests.support.LoadEvents;
import org.ws2.systemtests.support.RecommendationWrites;
import org.ws2.systemtests.support.RecordedLoad;
import org.ws2.systemtests.support.RecordedLoad.Answer;
import org.ws2.systemtests.support.SystemStack;
import org.ws2.systemtests.support.TrackedEntity;
import org.ws2.systemtests.support.WriterTurns;

import tools.jackson.databind.JsonNode;

import static org.ws2.systemtests.support.RecordedLoad.byStatus;
import static org.ws2.systemtests.support.Responses.JSON;

/**
 * ReplicasSystemIT's load: four readers (each cycling through reads of both services) and two writers: one creates
 * groups and renames them with If-Match (groups-service), the other creates recommendations and moves them along
 * their lifecycle with If-Match (recommendations-service; its events feed reporting and groups).
 */
final class ReplicasLoad {

    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    /** A read is judged by the service that answers it. */
    static final Map<String, String> READS = Map.of(
            "/api/groups/ALAC", "groups-service",
            "/api/assignments?groupId=ALAC&size=5", "groups-service",
            "/api/reports/summary", "reporting-service",
            "/api/reports/progress", "reporting-service");
    static final String TAG = "replicas";
    static final String GROUP_PREFIX = "REPLICA-TEST-";

    final RecordedLoad answers = new RecordedLoad(ANSWER_TIMEOUT);
    final Map<String, TrackedEntity> groups = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, TrackedEntity> recommendations = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Writes that found the version moved by a write the load never made. */
    final List<String> surprises = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Long> servedBeforeKill = new TreeMap<>();
    /** When the gateway last picked each killed instance, once a health check had dropped it. */
    final Map<String, Instant> firstFailedCheck = Collections.synchronizedMap(new TreeMap<>());
    volatile Instant killedAt;

    private final GatewayClient gateway;
    private final String staff;
    private final RecommendationWrites recommendationWrites;
    private final WriterTurns groupTurns = new WriterTurns(groups, 3);
    private final WriterTurns recommendationTurns = new WriterTurns(recommendations, 4);

    private ReplicasLoad(GatewayClient gateway) {
        this.gateway = gateway;
        this.staff = gateway.token("support-staff");
        this.recommendationWrites = new RecommendationWrites(answers, gateway, staff, TAG);
    }

    static ReplicasLoad start(GatewayClient gateway) {
        ReplicasLoad load = new ReplicasLoad(gateway);
        List<String> paths = List.copyOf(new TreeMap<>(READS).keySet());
        for (int r = 0; r < 4; r++) {
            int offset = r;
            load.answers.client("replicas-reader-" + r, Duration.ofMillis(25), n -> {
                String path = paths.get((n + offset) % paths.size());
                load.answers.call(false, "GET " + path, READS.get(path), load.request(path).GET());
            });
        }
        load.answers.client("replicas-group-writer", Duration.ofMillis(50), load::writeGroup);
        load.answers.client("replicas-recommendation-writer", Duration.ofMillis(50), load::writeRecommendation);
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
        return answers.matching(a -> !a.write() && a.service().equals(service) && !a.started().isBefore(check));
    }

    long acknowledged(Predicate<Answer> which) {
        return answers.count(a -> a.write() && a.acknowledged() && which.test(a));
    }

    long acknowledgedSince(Predicate<Answer> which, Instant since) {
        return answers.count(a -> a.write() && a.acknowledged() && !a.started().isBefore(since) && which.test(a));
    }

    private void writeGroup(int n) {
        String note = "replicas group write " + n;
        Optional<String> toUpdate = groupTurns.toUpdate(n);
        if (toUpdate.isEmpty()) {
            String id = GROUP_PREFIX + n;
            Answer answer = answers.call(true, "POST /api/groups " + id, "groups-service", request("/api/groups")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                            {"id":"%s","name":"Replica test group %d","kind":"AC","note":"%s"}""".formatted(id, n, note))));
            if (answer.status() == 201) {
                JsonNode created = JSON.readTree(answer.body());
                groups.put(id, new TrackedEntity(created.path("name").asString(), created.path("version").asLong()));
            }
        } else {
            String id = toUpdate.get();
            update(groups.get(id), "/api/groups/" + id, node -> node.path("name").asString(), note, known ->
                    answers.call(true, "PUT /api/groups/" + id, "groups-service", request("/api/groups/" + id)
                            .header("Content-Type", "application/json").header("If-Match", "\"" + known.version() + "\"")
                            .PUT(HttpRequest.BodyPublishers.ofString("""
                                    {"name":"Replica test group renamed by write %d","kind":"AC","changeNote":"%s"}"""
                                    .formatted(n, note)))));
        }
    }

    private void writeRecommendation(int n) {
        String note = "replicas recommendation write " + n;
        Optional<String> toUpdate = recommendationTurns.toUpdate(n);
        if (toUpdate.isEmpty()) {
            String id = "7.91." + n;
            RecommendationWrites.created(recommendationWrites.create(id, "Replica test " + id, note), note)
                    .ifPresent(created -> recommendations.put(id, created));
        } else {
            String id = toUpdate.get();
            update(recommendations.get(id), "/api/recommendations/" + id, node -> node.path("status").asString(), note,
                    known -> recommendationWrites.move(id, known, note));
        }
    }

    /**
     * Updates an entity from the state and version the load knows, reading them from the source (at {@code path})
     * first when the outcome of its last write is unknown, and takes the answer into the tracked state.
     */
    private void update(TrackedEntity known, String path, Function<JsonNode, String> stateOf, String note,
            Function<TrackedEntity, Answer> write) {
        if (known.uncertain() && !readFromSource(path, known, stateOf)) {
            return;
        }
        settle(write.apply(known), known, note, stateOf);
    }

    /** Takes an update's answer into the tracked state: acknowledged, refused for its version, or unknown. */
    private void settle(Answer answer, TrackedEntity known, String note, Function<JsonNode, String> stateOf) {
        if (answer.acknowledged()) {
            JsonNode now = JSON.readTree(answer.body());
            known.acknowledged(stateOf.apply(now), now.path("version").asLong(), note);
        } else if (answer.status() == 409 || answer.status() == 412) {
            // only a write the load was never told of could have moved the version: report it, go on from the source
            surprises.add(answer.toString());
            known.markUncertain();
        } else if (answer.status() / 100 != 4) {
            // a 5xx or no answer: the write may or may not have been applied
            known.markUncertain();
        }
    }

    /** Reads the entity's state from the source after a write whose outcome is unknown; false if that failed too. */
    private boolean readFromSource(String path, TrackedEntity known, Function<JsonNode, String> stateOf) {
        HttpResponse<String> current = answers.unrecorded(request(path).GET());
        if (current == null || current.statusCode() != 200) {
            return false;
        }
        JsonNode now = JSON.readTree(current.body());
        known.readFromSource(stateOf.apply(now), now.path("version").asLong());
        return true;
    }

    private HttpRequest.Builder request(String path) {
        return gateway.request(path, staff);
    }

    void printFigures(SystemStack stack, LoadEvents events, String converged) {
        Instant kill = killedAt == null ? Instant.MAX : killedAt;
        StringBuilder out = new StringBuilder("==== replicas: groups-service-2 and reporting-service-2 SIGKILLed at "
                + killedAt + "\n");
        out.append("  /api requests served under the load before the kill, per instance: ").append(servedBeforeKill).append('\n');
        out.append("  gateway last picked the dead instance (a refused connection or its health check had dropped it by then): ");
        firstFailedCheck.forEach((instance, at) -> out.append(instance).append(" %.1f s after the kill; "
                .formatted(Duration.between(kill, at).toMillis() / 1000.0)));
        out.append('\n');
        for (String service : List.of("groups-service", "reporting-service")) {
            Instant check = checkOf(service);
            out.append("  reads of %s: before the kill %s; kill to first failed check %s; after it %s%n".formatted(service,
                    byStatus(answers.matching(a -> !a.write() && a.service().equals(service) && a.started().isBefore(kill))),
                    byStatus(answers.matching(a -> !a.write() && a.service().equals(service) && !a.started().isBefore(kill)
                            && a.started().isBefore(check))),
                    byStatus(readsAfterCheck(service))));
        }
        for (String service : List.of("groups-service", RecommendationWrites.SERVICE)) {
            out.append("  writes to %s: before the kill %s; after it %s%n".formatted(service,
                    byStatus(answers.matching(a -> a.write() && a.service().equals(service) && a.started().isBefore(kill))),
                    byStatus(answers.matching(a -> a.write() && a.service().equals(service) && !a.started().isBefore(kill)))));
        }
        out.append("  slowest read %d ms; groups %d, recommendations %d; version surprises %d%n".formatted(
                answers.matching(a -> !a.write()).stream().mapToLong(Answer::millis).max().orElse(0), groups.size(),
                recommendations.size(), surprises.size()));
        if (events != null) {
            out.append("  events of the load on the topics: ").append(events.summary(ConsumerChecks.CONSUMERS.values())).append('\n');
        }
        out.append("  redeliveries skipped as already applied, per log: ").append(redeliveriesSkipped(stack)).append('\n');
        out.append("  consumers converged ").append(converged).append('\n');
        answers.matching(a -> !a.write() && a.status() != 200 && !a.started().isBefore(checkOf(a.service()))).stream().limit(10)
                .forEach(a -> out.append("  read after the check: ").append(a).append('\n'));
        surprises.stream().limit(10).forEach(s -> out.append("  version surprise: ").append(s).append('\n'));
        try (var lines = Files.lines(stack.logFile(SystemStack.GATEWAY))) {
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
    private static Map<String, Long> redeliveriesSkipped(SystemStack stack) {
        Map<String, Long> counts = new TreeMap<>();
        for (String instance : List.of("groups-service", "groups-service-2", "reporting-service", "reporting-service-2")) {
            try (var lines = Files.lines(stack.logFile(instance))) {
                counts.put(instance, lines.filter(line -> line.contains("was already applied by")).count());
            } catch (IOException | UncheckedIOException e) {
                counts.put(instance, -1L);
            }
        }
        return counts;
    }
}
