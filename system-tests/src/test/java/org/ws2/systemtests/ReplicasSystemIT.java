package org.ws2.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ws2.systemtests.support.BrowserStack;
import org.ws2.systemtests.support.ConsumerChecks;
import org.ws2.systemtests.support.EndStateChecks;
import org.ws2.systemtests.support.GatewayClient;
import org.ws2.systemtests.support.LoadEvents;
import org.ws2.systemtests.support.SystemStack;

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
 * It runs on the {@link BrowserStack}, last of its classes ({@link Order}): a second stack start would cost more
 * than turning that one into what this test needs. Its load writes groups and recommendations of its own and reads
 * what no browser journey counts. Before it, the pages and notifications-service are stopped (they would only take
 * CPU from it), a second instance of groups-service and of reporting-service started, and the gateway restarted to
 * balance across them. The stack's logs, the replicas' included, are kept in {@code target/browser-system-test-logs/}.
 * The load is {@link ReplicasLoad}.
 */
@DisabledIfSystemProperty(named = "ws2.system-test.replicas", matches = "false",
        disabledReason = "left out with -Dws2.system-test.replicas=false")
@ExtendWith(BrowserStack.class)
@Order(3)
class ReplicasSystemIT {

    static final List<String> INSTANCES = List.of("groups-service", "groups-service-2", "reporting-service",
            "reporting-service-2");
    static final List<String> KILLED = List.of("groups-service-2", "reporting-service-2");
    /** The gateway's TRACE line for each instance its load balancer picks (a retry picks again). */
    static final Pattern CHOSEN = Pattern.compile(
            "\"@timestamp\":\"([^\"]+)\".*LoadBalancerClientFilter url chosen: http://127\\.0\\.0\\.1:(\\d+)/");
    /** Two health-check intervals without the gateway picking the dead instance: a check has dropped it. */
    static final Duration DROPPED = Duration.ofSeconds(10);
    /**
     * From the load's end until each consumer has applied every event once: the dead instances' partitions moved to
     * the survivors 10 s after the kill (the consumers' session timeout), long before the load stopped, so what is
     * left is the last seconds' events.
     */
    static final Duration CONVERGED = Duration.ofSeconds(30);

    static final Map<String, Integer> REPLICAS = Map.of("groups-service", 2, "reporting-service", 2);

    /** The gateway learns a service's instances when it starts, so it starts again after the second ones. */
    @BeforeAll
    static void twoInstancesOfEachBehindTheGateway(SystemStack stack) {
        // on a developer's running stack, this first stop skips the class (SystemStack.stop)
        stack.stop("web");
        stack.stop("notifications-service");
        stack.stop(SystemStack.GATEWAY);
        stack.start(SystemStack.CORE_SERVICES, REPLICAS);
    }

    private final SystemStack stack;
    private final GatewayClient gateway;

    ReplicasSystemIT(SystemStack stack, GatewayClient gateway) {
        this.stack = stack;
        this.gateway = gateway.waitingUpTo(ReplicasLoad.ANSWER_TIMEOUT);
    }

    @Test
    void killingOneInstanceOfEachUnderLoadLosesNoReadNoWriteAndAppliesEachEventOnce() {
        assertThat(stack.processes()).containsKeys(INSTANCES.toArray(String[]::new));
        // the first instances served the browser journeys before: only what each serves from now on counts
        Map<String, Long> servedBefore = new TreeMap<>();
        INSTANCES.forEach(instance -> servedBefore.put(instance, apiRequestsServed(instance)));
        ReplicasLoad load = ReplicasLoad.start(gateway);
        Map<String, Instant> firstFailedCheck = new TreeMap<>();
        Instant killedAt = null;
        AssertionError failure = null;
        try {
            // warmed up: both instances of each service have answered requests of the load, and writes go through
            await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    load.acknowledged(a -> a.what().startsWith("PUT /api/groups")) >= 5
                            && load.acknowledged(a -> a.what().contains("/transitions")) >= 5
                            && INSTANCES.stream().allMatch(i -> apiRequestsServed(i) - servedBefore.get(i) >= 10));
            INSTANCES.forEach(i -> load.servedBeforeKill.put(i, apiRequestsServed(i) - servedBefore.get(i)));

            killedAt = Instant.now();
            load.killedAt = killedAt;
            KILLED.forEach(stack::kill);
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
                    ReplicasLoad.READS.values().stream().distinct().allMatch(service -> load.readsAfterCheck(service).size() >= 30)
                            && load.acknowledgedSince(a -> a.what().startsWith("PUT /api/groups"), load.settled()) >= 10
                            && load.acknowledgedSince(a -> a.what().contains("/transitions"), load.settled()) >= 10);
        } catch (AssertionError | RuntimeException e) {
            failure = e instanceof AssertionError a ? a : new AssertionError(e);
        } finally {
            load.answers.stop();
        }

        String converged;
        LoadEvents events = null;
        long stopped = System.nanoTime();
        try {
            if (failure != null) {
                throw failure;
            }
            theSourceHoldsEveryAcknowledgedWrite(load);
            Map<String, Long> inTheSource = new TreeMap<>(checks().versions("/api/groups/", Set.copyOf(load.groups.keySet())));
            inTheSource.putAll(checks().versions("/api/recommendations/", Set.copyOf(load.recommendations.keySet())));
            events = LoadEvents.read(stack, Set.copyOf(ConsumerChecks.CONSUMERS.values()), inTheSource);
            LoadEvents all = events;
            await().atMost(CONVERGED).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> ConsumerChecks.eachEventIsAppliedOnceByEveryConsumer(stack, all,
                            Set.copyOf(load.groups.keySet()), Set.copyOf(load.recommendations.keySet())));
            converged = "%.1f s after the load stopped".formatted((System.nanoTime() - stopped) / 1e9);
        } catch (AssertionError | Exception e) {
            // Exception too: Awaitility rethrows a checked SQLException from the checks as it is
            failure = failure != null ? failure : e instanceof AssertionError a ? a : new AssertionError(e);
            converged = "NOT checked or NOT within " + CONVERGED.toSeconds() + " s: " + e.getMessage();
        }
        load.printFigures(stack, events, converged);
        if (failure != null) {
            throw failure;
        }

        assertThat(load.servedBeforeKill).as("/api requests each instance served under the load before the kill")
                .allSatisfy((instance, served) -> assertThat(served).as(instance).isGreaterThanOrEqualTo(10));
        assertThat(load.answers.matching(a -> !a.write() && a.started().isBefore(load.killedAt)))
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
    private long apiRequestsServed(String instanceName) {
        HttpResponse<String> metrics;
        try {
            metrics = GatewayClient.send(HttpRequest.newBuilder(stack.instanceUrl(instanceName)
                    .resolve("/actuator/prometheus")).timeout(Duration.ofSeconds(10)).GET().build());
        } catch (AssertionError noAnswer) {
            return 0;
        }
        if (metrics.statusCode() != 200) {
            return 0;
        }
        return Math.round(metrics.body().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("uri=\"/api/"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum());
    }

    /** The last time, at or after {@code since}, the gateway's load balancer picked this instance. */
    private Optional<Instant> lastChosen(String instanceName, Instant since) {
        String port = String.valueOf(stack.instanceUrl(instanceName).getPort());
        try (var lines = Files.lines(stack.logFile(SystemStack.GATEWAY))) {
            return lines.filter(line -> line.contains("url chosen")).map(CHOSEN::matcher).filter(Matcher::find)
                    .filter(m -> m.group(2).equals(port)).map(m -> Instant.parse(m.group(1)))
                    .filter(at -> !at.isBefore(since)).max(Instant::compareTo);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EndStateChecks checks() {
        return new EndStateChecks(gateway);
    }

    /**
     * The source of truth, through the gateway: every group and recommendation whose creation was acknowledged
     * exists at the version the load last knew (its last acknowledged write, or a later state it read back), and
     * each acknowledged write's note is in the entity's history exactly once.
     */
    private void theSourceHoldsEveryAcknowledgedWrite(ReplicasLoad load) {
        assertThat(load.groups).as("groups created").isNotEmpty();
        assertThat(load.recommendations).as("recommendations created").isNotEmpty();
        checks().everyAcknowledgedWriteIsInTheSource(load.groups, "/api/groups/", node -> node.path("name").asString());
        checks().everyAcknowledgedWriteIsInTheSource(load.recommendations, "/api/recommendations/",
                node -> node.path("status").asString());
    }
}
