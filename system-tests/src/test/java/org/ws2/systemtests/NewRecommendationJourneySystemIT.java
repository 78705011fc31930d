package org.ws2.systemtests;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ws2.systemtests.support.SharedStackJourney;
import org.ws2.systemtests.support.TopicReader;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.systemtests.support.Responses.assertOk;
import static org.ws2.systemtests.support.Responses.assertProblem;
import static org.ws2.systemtests.support.Responses.items;
import static org.ws2.systemtests.support.Responses.json;

/**
 * Issue 3's acceptance through the gateway: create 5.12, make it depend on 1.1, flag it, take it to IMPLEMENTED
 * with evidence, read its history and its state before the first move; the events on the topic say the same as
 * the answers.
 */
class NewRecommendationJourneySystemIT extends SharedStackJourney {

    /** The recommendation this journey registers; no other journey on the shared stack registers one. */
    static final String REGISTERED = "5.12";

    @Test
    void aNewRecommendationsWholeJourneyThroughTheGateway() {
        String admin = gateway.token("admin");
        String staff = gateway.token("support-staff");
        String path = "/api/recommendations/" + REGISTERED;
        assertProblem(gateway.post("/api/recommendations", gateway.token("group-editor", "ALAC"),
                "{\"id\":\"5.12\",\"title\":\"x\",\"ownership\":\"ORG\"}"), 403);
        assertThat(gateway.post("/api/recommendations", admin, """
                {"id":"5.12","title":"Ombuds office charter review","ownership":"ORG","targetQuarter":"2021-Q4"}""")
                .statusCode()).isEqualTo(201);
        assertOk(gateway.put(path + "/dependencies/1.1", staff, "{\"note\":\"uses the baseline\"}", "\"0\""));
        assertOk(gateway.put(path + "/coordination", staff,
                "{\"level\":\"REQUIRED\",\"rationale\":\"Every SO/AC appoints to the review\"}", "\"1\""));
        String beforeFirstMove = Instant.now().toString();
        assertOk(gateway.post(path + "/transitions", staff, "{\"to\":\"PLANNING\",\"note\":\"planned\"}"));
        assertProblem(gateway.post(path + "/transitions", staff, "{\"to\":\"IN_PROGRESS\",\"note\":\"go\"}"), 409);
        assertOk(gateway.post(path + "/transitions", staff,
                "{\"to\":\"IN_PROGRESS\",\"note\":\"go\",\"overrideNote\":\"1.1 does not block the charter\"}"));
        assertOk(gateway.post(path + "/transitions", staff, "{\"to\":\"DOCUMENTING\",\"note\":\"report drafted\"}"));
        assertProblem(gateway.post(path + "/transitions", staff, "{\"to\":\"IMPLEMENTED\",\"note\":\"done\"}"), 409);
        assertThat(gateway.post(path + "/evidence", staff, """
                {"title":"Charter review report","url":"https://www.icann.org/ombudsman","date":"2021-12-15"}""")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> done = gateway.post(path + "/transitions", admin,
                "{\"to\":\"IMPLEMENTED\",\"note\":\"Board adopted the revised charter\"}");
        assertOk(done);
        assertThat(json(done).path("publicStatusLabel").asString()).isEqualTo("Complete");

        List<String> kinds = items(json(gateway.get(path + "/history", null))).stream()
                .map(change -> change.path("kind").asString()).toList();
        assertThat(kinds).containsExactly("registered", "dependencies-changed", "coordination-flag-set", "status-changed",
                "status-changed", "status-changed", "evidence-added", "status-changed");
        JsonNode past = json(gateway.get(path + "?asOf=" + beforeFirstMove, null));
        assertThat(past.path("status").asString()).isEqualTo("NOT_STARTED");
        assertThat(past.path("coordination").path("level").asString()).isEqualTo("REQUIRED");

        List<JsonNode> events = TopicReader.eventsFor(stack, List.of(REGISTERED), 8).get(REGISTERED);
        assertThat(events).extracting(event -> event.path("aggregateversion").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(events).extracting(event -> event.path("type").asString().split("\\.")[3]).containsExactlyElementsOf(kinds);
        assertThat(events.get(7).path("data").path("recommendation").path("status").asString()).isEqualTo("IMPLEMENTED");
        // the public topic names nobody (docs/visibility.md); history does, for signed-in readers
        assertThat(events).allSatisfy(event -> assertThat(event.path("data").path("actor").isNull()).isTrue());
        assertThat(items(json(gateway.get(path + "/history", staff))).get(7).path("actor").asString())
                .isEqualTo("local-admin");
    }
}
