package org.ws2.systemtests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.ws2.systemtests.support.EndStateChecks;
import org.ws2.systemtests.support.GatewayClient;
import org.ws2.systemtests.support.RecommendationWrites;
import org.ws2.systemtests.support.RecordedLoad;
import org.ws2.systemtests.support.RecordedLoad.Answer;
import org.ws2.systemtests.support.TrackedEntity;
import org.ws2.systemtests.support.WriterTurns;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ws2.systemtests.support.RecordedLoad.byStatus;
import static org.ws2.systemtests.support.Responses.JSON;

/**
 * FaultInjectionSystemIT's load during one fault: one writer (support staff at ~10-20 writes/s: every fourth write
 * creates a recommendation, the others move one a step along the lifecycle with If-Match) and one reader.
 */
final class FaultLoad {

    /** An answer later than this counts as a hang. */
    static final Duration HANG = Duration.ofSeconds(10);
    /** The read models must have caught up within this after the load stops. */
    static final Duration CONVERGENCE = Duration.ofSeconds(120);
    static final String TAG = "fault-injection";
    static final String GROUP = "FAULT-TEST";

    final int number;
    final String fault;
    final RecordedLoad answers = new RecordedLoad(HANG);
    /** Every recommendation the suite's loads created, with the state their acknowledged writes left it in. */
    final Map<String, TrackedEntity> tracked;
    /** The recommendations this fault's writes touched. */
    final List<String> touched = Collections.synchronizedList(new ArrayList<>());
    /** Writes answered with 409/412: an earlier write the load was not told of had been applied. */
    final List<String> unexpectedVersions = Collections.synchronizedList(new ArrayList<>());
    final long startedNanos = System.nanoTime();
    volatile long downNanos = Long.MAX_VALUE;
    volatile long restartingNanos;

    private final GatewayClient gateway;
    private final String staff;
    private final RecommendationWrites writes;
    private final WriterTurns turns;

    private FaultLoad(GatewayClient gateway, Map<String, TrackedEntity> tracked, int number, String fault) {
        this.gateway = gateway;
        this.tracked = tracked;
        this.turns = new WriterTurns(tracked, 4);
        this.number = number;
        this.fault = fault;
        this.staff = gateway.token("support-staff");
        this.writes = new RecommendationWrites(answers, gateway, staff, TAG);
    }

    static FaultLoad start(GatewayClient gateway, Map<String, TrackedEntity> tracked, int number, String fault) {
        FaultLoad load = new FaultLoad(gateway, tracked, number, fault);
        load.answers.client("fault-load-writer", Duration.ofMillis(50), load::write);
        load.answers.client("fault-load-reader", Duration.ofMillis(100), load::read);
        return load;
    }

    /** A success, or a 503 problem: what the gateway may answer while a part of the stack is away. */
    static boolean allowed(Answer answer) {
        return answer.acknowledged() || (answer.status() == 503 && answer.contentType() != null
                && answer.contentType().startsWith("application/problem+json"));
    }

    private void write(int n) {
        String note = "fault " + number + " write " + n;
        Optional<String> toUpdate = turns.toUpdate(n);
        if (toUpdate.isEmpty()) {
            String id = "7.94." + number + "." + (n / 4);
            RecommendationWrites.created(writes.create(id, "Fault injection " + id, note), note).ifPresent(created -> {
                tracked.put(id, created);
                touched.add(id);
            });
            return;
        }
        String id = toUpdate.get();
        TrackedEntity known = tracked.get(id);
        Answer answer = writes.move(id, known, note);
        if (answer.acknowledged()) {
            JsonNode moved = JSON.readTree(answer.body());
            known.acknowledged(moved.path("status").asString(), moved.path("version").asLong(), note);
            touched.add(id);
        } else if (answer.status() == 409 || answer.status() == 412) {
            // Not what the load was told: take the source's state so that the load goes on, and report it.
            unexpectedVersions.add(id + ": " + answer);
            HttpResponse<String> current = answers.unrecorded(gateway.request("/api/recommendations/" + id, staff).GET());
            if (current != null && current.statusCode() == 200) {
                JsonNode now = JSON.readTree(current.body());
                known.readFromSource(now.path("status").asString(), now.path("version").asLong());
            }
        }
    }

    private void read(int n) {
        List<String> paths = List.of("/api/recommendations/1.1", "/api/reports/summary", "/api/groups/" + GROUP,
                "/api/assignments?groupId=" + GROUP + "&size=1");
        String path = paths.get(n % paths.size());
        answers.call(false, "GET " + path, "", gateway.request(path, staff).GET());
    }

    void awaitAcknowledged(int count) {
        awaitAcknowledgedSince(startedNanos, count);
    }

    void awaitAcknowledgedWithin(Duration atMost, int count) {
        await().atMost(atMost).until(() -> answers.count(a -> a.write() && a.acknowledged()) >= count);
    }

    void awaitAcknowledgedSince(long since, int count) {
        await().atMost(Duration.ofSeconds(120)).until(() ->
                answers.count(a -> a.write() && a.startedNanos() >= since && a.acknowledged()) >= count);
    }

    /** Waits until the load has made that many writes and reads since the fault was injected. */
    void awaitThroughTheFault(int writes, int reads) {
        await().atMost(Duration.ofSeconds(120)).until(() -> writesSince(downNanos) >= writes && readsSince(downNanos) >= reads);
    }

    long writesSince(long since) {
        return answers.count(a -> a.write() && a.startedNanos() >= since);
    }

    long readsSince(long since) {
        return answers.count(a -> !a.write() && a.startedNanos() >= since);
    }

    /**
     * Stops the load, checks what the source holds, awaits the read models, prints the figures, and only then
     * asserts the answers (so that the figures print whatever failed) and the fault's own expectation on the
     * writes it met.
     */
    void stopAndCheck(Consumer<List<Answer>> duringTheFault) {
        answers.stop();
        long stopped = System.nanoTime();
        AssertionError failure = null;
        String converged;
        EndStateChecks checks = new EndStateChecks(gateway);
        try {
            checks.theTaggedRecommendationsAreExactlyTheAcknowledgedOnes(TAG, tracked);
            for (String id : List.copyOf(new LinkedHashSet<>(touched))) {
                checks.theHistoryHoldsExactlyTheAcknowledgedWrites(id, tracked.get(id), "fault " + number + " write ");
            }
            await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> checks.theReadModelsEqualTheSource(tracked, GROUP));
            converged = "%.1f s after the load stopped".formatted((System.nanoTime() - stopped) / 1e9);
        } catch (AssertionError | RuntimeException e) {
            failure = e instanceof AssertionError a ? a : new AssertionError(e);
            converged = "NOT within " + CONVERGENCE.toSeconds() + " s: " + e.getMessage();
        }
        printFigures(converged);
        if (failure != null) {
            throw failure;
        }
        assertThat(unexpectedVersions).as("writes that found the version moved by a write never acknowledged")
                .isEmpty();
        assertThat(answers.matching(a -> !allowed(a))).as("answers other than a success or a 503 problem, or later than %s s",
                HANG.toSeconds()).isEmpty();
        duringTheFault.accept(answers.matching(a -> a.write() && a.startedNanos() >= downNanos
                && a.startedNanos() < restartingNanos));
    }

    void printFigures(String converged) {
        List<Answer> writes = answers.matching(Answer::write);
        List<Answer> reads = answers.matching(a -> !a.write());
        List<Answer> during = answers.matching(a -> a.startedNanos() >= downNanos && a.startedNanos() < restartingNanos);
        String window = downNanos == Long.MAX_VALUE ? "never injected"
                : "%.1f s".formatted((restartingNanos - downNanos) / 1e9);
        System.out.printf("""
                ==== fault %d: %s
                  writes attempted %d, acknowledged %d; reads %d
                  answers by status (0 = no answer in %d s, -1 = connection failed): writes %s, reads %s
                  from the injection until the restart began (%s): %s
                  slowest answer %d ms; version surprises %d
                  read models converged %s
                """, number, fault, writes.size(), writes.stream().filter(Answer::acknowledged).count(), reads.size(),
                HANG.toSeconds(), byStatus(writes), byStatus(reads), window, byStatus(during),
                answers.matching(a -> true).stream().mapToLong(Answer::millis).max().orElse(0), unexpectedVersions.size(),
                converged);
        answers.matching(a -> !allowed(a)).stream().limit(10).forEach(a -> System.out.println("  not allowed: " + a));
        unexpectedVersions.stream().limit(10).forEach(v -> System.out.println("  version surprise: " + v));
        System.out.flush();
    }
}
