package org.ws2.systemtests;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ws2.systemtests.support.SharedStackJourney;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ws2.systemtests.support.Responses.assertOk;
import static org.ws2.systemtests.support.Responses.assertProblem;
import static org.ws2.systemtests.support.Responses.assertProblem4xx;
import static org.ws2.systemtests.support.Responses.items;
import static org.ws2.systemtests.support.Responses.json;
import static org.ws2.systemtests.support.Responses.version;

/** Moving a recommendation along its lifecycle through the gateway: who may, what is refused, who hears of it. */
class TransitionsSystemIT extends SharedStackJourney {

    static final Pattern MENTIONS_1_1 = Pattern.compile("(?<![\\d.])1\\.1(?![\\d.])");

    @Test
    void onlySupportStaffMayMoveARecommendationAndTheChangeReachesReportsAndNotifications() {
        String transitions = "/api/recommendations/1.1/transitions";
        String body = "{\"to\":\"PLANNING\",\"note\":\"x\"}";
        String staff = gateway.token("support-staff");
        // The inbox is per person: support staff follow 1.1 to hear of its changes.
        HttpResponse<String> followed = gateway.post("/api/subscriptions", staff,
                "{\"channels\":[\"INBOX\"],\"recommendationIds\":[\"1.1\"]}");
        assertThat(followed.statusCode()).as(followed.body()).isEqualTo(201);

        assertProblem(gateway.post(transitions, null, body), 401);
        assertProblem(gateway.post(transitions, gateway.token("group-editor", "ALAC"), body), 403);
        HttpResponse<String> moved = gateway.post(transitions, staff, body);
        assertThat(moved.statusCode()).as(moved.body()).isBetween(200, 299);

        HttpResponse<String> current = gateway.get("/api/recommendations/1.1", null);
        assertThat(json(current).path("status").asString()).isEqualTo("PLANNING");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HttpResponse<String> summary = gateway.get("/api/reports/summary", staff);
            assertThat(summary.statusCode()).isEqualTo(200);
            assertThat(json(summary).path("byStatus").path("PLANNING").asInt()).isGreaterThanOrEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> notifications = gateway.get("/api/notifications", staff);
            assertThat(notifications.statusCode()).isEqualTo(200);
            assertThat(items(json(notifications)))
                    .anySatisfy(item -> assertThat(item.toString()).containsPattern(MENTIONS_1_1));
        });
    }

    /** On 1.3, which this test moves to PLANNING first: no other journey changes it. */
    @Test
    void refusesAnInvalidTransitionAndMalformedJsonWithoutChangingAnything() {
        String path = "/api/recommendations/1.3";
        String staff = gateway.token("support-staff");
        assertOk(gateway.post(path + "/transitions", staff, "{\"to\":\"PLANNING\",\"note\":\"x\"}"));
        String planningVersion = version(gateway.get(path, null));

        assertProblem4xx(gateway.post(path + "/transitions", staff, "{\"to\":\"IMPLEMENTED\",\"note\":\"x\"}"));
        assertProblem4xx(gateway.post(path + "/transitions", staff, "{\"to\":\"PLANNING\", \"note\":"));

        HttpResponse<String> current = gateway.get(path, null);
        assertThat(json(current).path("status").asString()).isEqualTo("PLANNING");
        assertThat(version(current)).isEqualTo(planningVersion);
    }
}
