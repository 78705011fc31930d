package org.ws2.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.ws2.localstack.Launcher;
import org.ws2.localstack.Settings;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances each of groups-service and reporting-service behind the gateway; one of each is
 * killed with SIGKILL under steady load through the gateway. Reads must keep answering (the gateway
 * retries an idempotent read on the other instance, and drops the dead one at its first failed
 * health check), no acknowledged write may be lost, and each event must be applied once by the
 * surviving reporting instance, which takes over the dead one's partitions.
 * <p>
 * Opt-in ({@code -Dws2.system-test.replicas=true}): it runs a stack of its own with two extra JVMs.
 */
@EnabledIfSystemProperty(named = "ws2.system-test.replicas", matches = "true",
        disabledReason = "starts a second whole stack with seven service JVMs; run with -Dws2.system-test.replicas=true")
class ReplicasSystemIT {

    static final Path REPO = Settings.findRepo(Path.of(""));
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The gateway checks health every 5 s; a read started this long after the kill must not see a 5xx. */
    static final Duration FIRST_FAILED_HEALTH_CHECK = Duration.ofSeconds(6);

    @TempDir
    static Path home;
    static Launcher launcher;
    static URI gateway;

    @BeforeAll
    static void startTwoReplicasOfGroupsAndReporting() {
        launcher = new Launcher(Settings.from(Map.of(
                "WS2_REPO_DIR", REPO.toString(),
                "WS2_HOME", home.toString(),
                "WS2_PORT_OFFSET", System.getProperty("ws2.system-test.port-offset", "10000"),
                "WS2_POSTGRES_HOST", "",
                "WS2_KAFKA_BOOTSTRAP_SERVERS", "")));
        gateway = launcher.url(Launcher.GATEWAY);
        launcher.start(Launcher.SERVICES.stream().map(Launcher.Service::name).toList(),
                Map.of("groups-service", 2, "reporting-service", 2));
    }

    @AfterAll
    static void stopTheStack() {
        launcher.stop();
    }

    record Answer(long startedNanos, String what, int status) {
    }

    @Test
    void killingOneReplicaOfEachUnderLoadLosesNoReadNoWriteAndAppliesEachEventOnce() throws Exception {
        assertThat(launcher.processes()).containsKeys("groups-service", "groups-service-2", "reporting-service",
                "reporting-service-2");
        String staff = launcher.token("support-staff", List.of());
        long reportedBefore = summaryTotal();

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Answer> reads = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> ackedRecommendations = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> ackedGroups = new ConcurrentLinkedQueue<>();
        AtomicInteger writeFailures = new AtomicInteger();
        List<Thread> load = new ArrayList<>();
        for (String path : List.of("/api/groups", "/api/groups/ALAC", "/api/reports/summary", "/api/reports/summary")) {
            load.add(SteadyLoad.client("replicas-load", () -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    reads.add(new Answer(started, path, status(get(path))));
                }
            }));
        }
        load.add(SteadyLoad.client("replicas-load", () -> {
            for (int n = 0; running.get(); n++) {
                String recommendation = "7.91." + (n / 1000) + "." + (n % 1000);
                if (status(post("/api/recommendations", staff, """
                        {"id":"%s","title":"Replica test %s","ownership":"ORG"}""".formatted(recommendation, recommendation))) == 201) {
                    ackedRecommendations.add(recommendation);
                } else {
                    writeFailures.incrementAndGet();
                }
                String group = "REPLICA-TEST-" + n;
                if (status(post("/api/groups", staff, """
                        {"id":"%s","name":"Replica test group %d","kind":"AC"}""".formatted(group, n))) == 201) {
                    ackedGroups.add(group);
                } else {
                    writeFailures.incrementAndGet();
                }
                SteadyLoad.thinkTime(Duration.ofMillis(50));
            }
        }));

        // the load is under way through both replicas: writes acknowledged and reads answered
        await().atMost(Duration.ofSeconds(60)).until(() -> ackedGroups.size() >= 5 && reads.size() >= 20);
        long killedAt = System.nanoTime();
        int ackedBeforeKill = ackedGroups.size();
        for (String replica : List.of("groups-service-2", "reporting-service-2")) {
            ProcessHandle.of(launcher.processes().get(replica).get(0)).orElseThrow().destroyForcibly();
        }
        // the load goes on until the gateway has served enough reads and writes with one replica of each
        long settledAt = killedAt + FIRST_FAILED_HEALTH_CHECK.toNanos();
        await().atMost(Duration.ofSeconds(120)).until(() -> ackedGroups.size() >= ackedBeforeKill + 6
                && reads.stream().filter(a -> a.startedNanos() >= settledAt).count() > 20);
        running.set(false);
        for (Thread t : load) {
            t.join(35_000);
        }

        long settled = killedAt + FIRST_FAILED_HEALTH_CHECK.toNanos();
        List<Answer> afterHealthCheck = reads.stream().filter(a -> a.startedNanos() >= settled).toList();
        assertThat(afterHealthCheck).as("reads after the first failed health check").hasSizeGreaterThan(20);
        assertThat(afterHealthCheck).as("no read answered 5xx (or failed) after the first failed health check")
                .allSatisfy(a -> assertThat(a.status()).as(a.what()).isBetween(200, 499));
        assertThat(reads.stream().filter(a -> a.startedNanos() < killedAt))
                .as("reads before the kill").allSatisfy(a -> assertThat(a.status()).as(a.what()).isEqualTo(200));

        // every acknowledged write is there, read back through the gateway
        assertThat(ackedGroups).as("group writes acknowledged after the kill too").hasSizeGreaterThan(5);
        for (String group : ackedGroups) {
            assertThat(status(get("/api/groups/" + group))).as(group).isEqualTo(200);
        }
        // each creation event applied once by the surviving reporting instance: the count is exact
        long expected = reportedBefore + ackedRecommendations.size();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(summaryTotal()).isEqualTo(expected));
    }

    private long summaryTotal() throws IOException {
        HttpResponse<String> summary = get("/api/reports/summary");
        assertThat(summary.statusCode()).as(summary.body()).isEqualTo(200);
        return JSON.readTree(summary.body()).path("total").asLong();
    }

    private static int status(HttpResponse<String> response) {
        return response == null ? 599 : response.statusCode();
    }

    private HttpResponse<String> get(String path) {
        return SteadyLoad.send(HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    private HttpResponse<String> post(String path, String token, String body) {
        return SteadyLoad.send(HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
