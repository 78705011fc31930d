package org.ws2.systemtests.support;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.systemtests.support.Responses.JSON;
import static org.ws2.systemtests.support.Responses.json;

/**
 * The end state after a load, read through the gateway as support staff: the source of truth holds what the load
 * was told it wrote, and the read models follow the source.
 */
public final class EndStateChecks {

    public static final List<String> STATUSES = List.of("NOT_STARTED", "PLANNING", "IN_PROGRESS", "DOCUMENTING",
            "IMPLEMENTED", "ON_HOLD");

    private final GatewayClient gateway;
    private final String staff;

    public EndStateChecks(GatewayClient gateway) {
        this.gateway = gateway;
        this.staff = gateway.token("support-staff");
    }

    /**
     * Every tracked entity under {@code path} exists at the version the load last knew (its last acknowledged write,
     * or at least that when its last write went unanswered) and in that state, and each acknowledged write's note is
     * in its history exactly once.
     */
    public void everyAcknowledgedWriteIsInTheSource(Map<String, TrackedEntity> tracked, String path,
            Function<JsonNode, String> stateOf) {
        Map<String, TrackedEntity> copy;
        synchronized (tracked) {
            copy = new TreeMap<>(tracked);
        }
        copy.forEach((id, state) -> {
            JsonNode now = json(ok(path + id));
            if (!state.uncertain()) {
                assertThat(now.path("version").asLong()).as("version of " + id).isEqualTo(state.version());
                assertThat(stateOf.apply(now)).as("state of " + id).isEqualTo(state.state());
            } else {
                assertThat(now.path("version").asLong()).as("version of " + id + " (last write unanswered)")
                        .isGreaterThanOrEqualTo(state.version());
            }
            List<String> notes = historyNotes(path + id);
            for (String note : state.notes()) {
                assertThat(notes.stream().filter(note::equals).count()).as("'%s' in the history of %s: %s", note, id, notes)
                        .isEqualTo(1);
            }
        });
    }

    /**
     * The recommendations tagged {@code tag} are exactly the tracked ones (those whose creation was acknowledged),
     * each in the status and at the version of its last acknowledged write.
     */
    public void theTaggedRecommendationsAreExactlyTheAcknowledgedOnes(String tag, Map<String, TrackedEntity> tracked) {
        Map<String, JsonNode> source = new TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = json(ok("/api/recommendations?tag=" + tag + "&size=200&page=" + page));
            answer.path("items").forEach(item -> source.put(item.path("id").asString(), item));
            if (answer.path("items").size() < 200) {
                break;
            }
        }
        Map<String, TrackedEntity> expected;
        synchronized (tracked) {
            expected = new TreeMap<>(tracked);
        }
        assertThat(source.keySet()).as("recommendations in the source vs those whose creation was acknowledged")
                .containsExactlyElementsOf(expected.keySet());
        expected.forEach((id, state) -> {
            assertThat(source.get(id).path("status").asString()).as("status of " + id).isEqualTo(state.state());
            assertThat(source.get(id).path("version").asLong()).as("version of " + id).isEqualTo(state.version());
        });
    }

    /**
     * In the recommendation's history, the writes whose note starts with {@code prefix} are exactly the acknowledged
     * ones, oldest first: none lost, none applied twice, none applied that was not acknowledged.
     */
    public void theHistoryHoldsExactlyTheAcknowledgedWrites(String id, TrackedEntity tracked, String prefix) {
        assertThat(historyNotes("/api/recommendations/" + id).stream().filter(note -> note.startsWith(prefix)).toList())
                .as("writes '%s...' in the history of %s, oldest first", prefix, id)
                .containsExactlyElementsOf(tracked.notes().stream().filter(note -> note.startsWith(prefix)).toList());
    }

    /**
     * Reporting's counts by status equal the source's exactly (a lost event would leave one short, one applied twice
     * could not move a recommendation twice), and groups-service's copy of every tracked recommendation has the
     * status the load last knew, read on the recommendation's assignment to {@code group}.
     */
    public void theReadModelsEqualTheSource(Map<String, TrackedEntity> tracked, String group) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : STATUSES) {
            counts.put(status, json(ok("/api/recommendations?size=1&status=" + status)).path("total").asLong());
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        JsonNode summary = json(ok("/api/reports/summary"));
        assertThat(counts(summary.path("byStatus"))).as("reporting's summary by status vs the source").isEqualTo(counts);
        assertThat(summary.path("total").asLong()).as("reporting's total").isEqualTo(total);
        JsonNode progress = json(ok("/api/reports/progress"));
        assertThat(counts(progress.path("byStatus"))).as("reporting's progress by status vs the source").isEqualTo(counts);

        Map<String, String> expected = new TreeMap<>();
        synchronized (tracked) {
            tracked.forEach((id, state) -> expected.put(id, state.state()));
        }
        // groups-service shows its copy of a recommendation on the recommendation's assignments: assign each
        // to the group (refused while groups-service does not know one yet; existing ones are left alone)
        List<String> ids = List.copyOf(expected.keySet());
        for (int from = 0; from < ids.size(); from += 200) {
            String body = "{\"recommendationIds\":" + JSON.valueToTree(ids.subList(from, Math.min(ids.size(), from + 200)))
                    + ",\"groupIds\":[\"" + group + "\"],\"applicabilityNote\":\"fault injection\"}";
            HttpResponse<String> assigned = gateway.send(gateway.request("/api/assignments/bulk", staff)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
            assertThat(assigned.statusCode()).as("groups-service knows every recommendation: %s", assigned.body())
                    .isEqualTo(200);
        }
        Map<String, String> copy = new TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = json(ok("/api/assignments?groupId=" + group + "&size=500&page=" + page));
            answer.path("items").forEach(a -> copy.put(a.path("recommendationId").asString(),
                    a.path("recommendationStatus").asString()));
            if (answer.path("items").size() < 500) {
                break;
            }
        }
        assertThat(copy).as("groups-service's copy of each recommendation's status vs the source").isEqualTo(expected);
    }

    /** The current version of each entity under {@code path}, read from the source. */
    public Map<String, Long> versions(String path, Iterable<String> ids) {
        Map<String, Long> versions = new TreeMap<>();
        ids.forEach(id -> versions.put(id, json(ok(path + id)).path("version").asLong()));
        return versions;
    }

    private List<String> historyNotes(String path) {
        List<String> notes = new ArrayList<>();
        json(ok(path + "/history")).forEach(change -> notes.add(change.path("note").asString()));
        return notes;
    }

    private HttpResponse<String> ok(String path) {
        HttpResponse<String> response = gateway.get(path, staff);
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(200);
        return response;
    }

    private static Map<String, Long> counts(JsonNode byStatus) {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(status -> counts.put(status, byStatus.path(status).asLong()));
        return counts;
    }
}
