package org.ws2.systemtests;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ws2.systemtests.support.GatewayClient;
import org.ws2.systemtests.support.SharedStackJourney;
import org.ws2.systemtests.support.StackDatabase;
import org.ws2.systemtests.support.SystemStack;
import org.ws2.systemtests.support.TopicReader;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ws2.systemtests.support.Responses.assertOk;
import static org.ws2.systemtests.support.Responses.assertProblem;
import static org.ws2.systemtests.support.Responses.ids;
import static org.ws2.systemtests.support.Responses.json;
import static org.ws2.systemtests.support.Responses.version;

/** Parts of the shared stack stopped and started again: what the gateway answers meanwhile, and what is kept. */
class RestartsSystemIT extends SharedStackJourney {

    @BeforeEach
    void onAStackThisRunStarted() {
        stack.assumeStartedByThisRun();
    }

    /** Whatever a failed test left stopped: the next journey gets a whole stack. */
    @AfterEach
    void startWhatIsStopped() {
        stack.start();
    }

    @Test
    void theGatewayAnswers503WhileAServiceIsDownAndRecoversWhenItIsBack() {
        stack.stop("recommendations-service");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertProblem(gateway.get("/api/recommendations/1.1", null), 503));

        stack.start();

        // generous: a circuit breaker may keep the route open for a while after the service is back
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(gateway.get("/api/recommendations/1.1", null).statusCode()).isEqualTo(200));
    }

    /**
     * Issue 3's outage acceptance: writes go on without Kafka, and every event follows once it is back.
     * Issue 14's: meanwhile the outbox-age metric operators alert on ({@code ws2_outbox_lag_seconds},
     * docs/metrics.md) rises, and falls back to 0 once the broker has taken the events.
     */
    @Test
    void aHundredTransitionsWhileKafkaIsStoppedAllArriveInOrderOnceItRestarts() {
        List<String> ids = List.of("7.1.1", "7.1.2", "7.2.1", "7.2.3");
        String staff = gateway.token("support-staff");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outboxAge()).isZero());
        stack.stop(SystemStack.KAFKA);

        for (int i = 0; i < 100; i++) {
            String id = ids.get(i % ids.size());
            String to = (i / ids.size()) % 2 == 0 ? "ON_HOLD" : "NOT_STARTED";
            HttpResponse<String> moved = gateway.post("/api/recommendations/" + id + "/transitions", staff,
                    "{\"to\":\"" + to + "\",\"note\":\"while Kafka is down, " + i + "\"}");
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        }
        // the oldest waiting event keeps ageing while the broker is away
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(outboxAge()).isGreaterThanOrEqualTo(3.0));

        stack.start();

        // and is back to 0 once the relay has handed every event to the broker
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(outboxAge()).isZero());
        Map<String, List<JsonNode>> events = TopicReader.eventsFor(stack, ids, 26);
        List<Long> expected = LongStream.rangeClosed(0, 25).boxed().toList();
        // version 0 is each recommendation's registration when the catalogue was seeded; a record the broker took
        // while stopping or starting, unacknowledged, comes twice (at least once), and is read once, as consumers do
        ids.forEach(id -> assertThat(events.get(id)).extracting(event -> event.path("aggregateversion").asLong())
                .as("versions of %s, in topic order", id).containsExactlyElementsOf(expected));
    }

    /**
     * Issue 13's upgrade: a stack first started before the catalogue grew from 58 to 84 recommendations. Its
     * recommendations database is made to hold what the older list seeded (the records only the newer list has are
     * taken out while the service is stopped), a person's correction is there, and after a restart the gateway
     * lists all 84 with the correction kept. (No other journey changes the 26 newer ones or 8.1.17.)
     */
    @Test
    void aStackSeededFromTheOlderListListsAll84AfterARestartAndKeepsAnEarlierEdit() throws Exception {
        List<String> current = CatalogueSystemIT.catalogue("main/resources/ws2/recommendations.json");
        List<String> older = CatalogueSystemIT.catalogue("test/resources/catalogue-before-84/recommendations.json");
        List<String> onlyInTheNewerList = current.stream().filter(id -> !older.contains(id)).toList();
        assertThat(older).hasSize(58);
        assertThat(onlyInTheNewerList).hasSize(26);

        String path = "/api/recommendations/8.1.17";
        assertOk(gateway.put(path, gateway.token("support-staff"), """
                {"title":"Corrected before the upgrade","summary":"Kept across the restart","ownership":"ORG",
                 "implementers":["ICANN org"],"note":"Support staff correction"}""", gateway.etag(path)));
        String editedVersion = version(gateway.get(path, null));

        stack.stop("recommendations-service");
        StackDatabase recommendations = new StackDatabase(stack, "ws2_recommendations");
        String[] newer = onlyInTheNewerList.toArray(String[]::new);
        recommendations.update("DELETE FROM ws2_change WHERE aggregate_type = 'recommendation' AND aggregate_id = ANY (?)",
                (Object) newer);
        assertThat(recommendations.update("DELETE FROM recommendation WHERE id = ANY (?)", (Object) newer)).isEqualTo(26);

        stack.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> listed = gateway.get("/api/recommendations?size=200", null);
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            assertThat(ids(json(listed))).containsAll(current);
        });
        HttpResponse<String> edited = gateway.get(path, null);
        assertThat(json(edited).path("title").asString()).isEqualTo("Corrected before the upgrade");
        assertThat(version(edited)).isEqualTo(editedVersion);
        assertThat(json(gateway.get("/api/recommendations/8.4.8", null)).path("verification").asString())
                .isEqualTo("id+topic only");
    }

    /** recommendations-service's {@code ws2_outbox_lag_seconds}: the age of its oldest unpublished event, read as Prometheus does. */
    private double outboxAge() {
        URI metrics = stack.instanceUrl("recommendations-service").resolve("/actuator/prometheus");
        HttpResponse<String> scraped = GatewayClient.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).GET().build());
        assertThat(scraped.statusCode()).as(scraped.body()).isEqualTo(200);
        Matcher gauge = Pattern.compile("(?m)^ws2_outbox_lag_seconds\\{[^}]*\\} (\\S+)$").matcher(scraped.body());
        assertThat(gauge.find()).as("ws2_outbox_lag_seconds in %s", metrics).isTrue();
        return Double.parseDouble(gauge.group(1));
    }
}
