package org.ws2.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.group.GroupKind;
import org.ws2.reporting.support.ReportingIntegrationTestBase;
import org.ws2.reporting.support.SseClient;
import org.ws2.reporting.support.SseClient.Event;
import org.ws2.reporting.support.WorldFeed;
import org.ws2.testsupport.ServiceIntegrationTest;

import tools.jackson.databind.JsonNode;

/** The public event stream over real HTTP: filters, replay, resume with Last-Event-ID, no personal data. */
@ServiceIntegrationTest
class EventStreamIT extends ReportingIntegrationTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Test
    void aSubscriberThatReconnectsWithLastEventIdGetsExactlyWhatItMissed() throws Exception {
        WorldFeed feed = new WorldFeed(kafka);
        String subjects = "STREAM-A,STREAM-B,STREAM-C,STREAM-D,STREAM-E,STREAM-F";
        URI uri = uri("/api/events/stream?types=org.ws2.group.*&subject=" + subjects);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);

        Event lastSeen;
        try (SseClient first = SseClient.open(uri, Map.of())) {
            feed.registerGroup("STREAM-A", "Stream A", GroupKind.SO, at);
            feed.registerGroup("OTHER-1", "Not asked for", GroupKind.SO, at);
            feed.registerGroup("STREAM-B", "Stream B", GroupKind.AC, at);
            List<Event> events = first.take(2, PATIENCE);
            assertThat(events).extracting(e -> subject(e)).containsExactly("STREAM-A", "STREAM-B");
            assertThat(events).extracting(Event::type).containsOnly("org.ws2.group.registered.v1");
            lastSeen = events.get(1);
            // Contacts and their e-mail addresses never leave.
            assertThat(events.get(0).data()).doesNotContain("@").doesNotContain("contacts").doesNotContain("Chair of");
            assertThat(first.headers().get("content-type").get(0)).startsWith("text/event-stream");
        }

        // Missed while away.
        feed.registerGroup("STREAM-C", "Stream C", GroupKind.AC, at);
        feed.registerGroup("STREAM-D", "Stream D", GroupKind.AC, at);

        try (SseClient again = SseClient.open(uri, Map.of("Last-Event-ID", lastSeen.id()))) {
            List<Event> missed = again.take(2, PATIENCE);
            assertThat(missed).extracting(e -> subject(e)).containsExactly("STREAM-C", "STREAM-D");
            assertThat(Long.parseLong(missed.get(0).id())).isGreaterThan(Long.parseLong(lastSeen.id()));

            // The next one is the next one published: nothing was sent twice or in between.
            feed.registerGroup("STREAM-E", "Stream E", GroupKind.AC, at);
            assertThat(again.take(1, PATIENCE)).extracting(e -> subject(e)).containsExactly("STREAM-E");
        }
    }

    @Test
    void sinceReplaysWhatWasRecordedFromThatInstantOn() throws Exception {
        WorldFeed feed = new WorldFeed(kafka);
        feed.registerRecommendation("8.901", "Stream test", org.ws2.contracts.recommendation.Ownership.ORG, List.of(),
                Instant.parse("2022-03-01T00:00:00Z"));
        feed.registerGroup("STREAM-G", "Stream G", GroupKind.SO, Instant.parse("2022-03-01T00:00:00Z"));
        feed.triage("STREAM-G", "8.901", Instant.parse("2022-04-20T00:00:00Z"));
        CloudEvent signOff = feed.triageTo("STREAM-G", "8.901", TriageState.SIGN_OFF_REQUESTED,
                Instant.parse("2022-04-22T00:00:00Z"));

        // These events carry no recordedat: they were recorded at their time.
        try (SseClient replay = SseClient.open(uri("/api/events/stream?since=2022-04-21T00:00:00Z&subject=8.901"),
                Map.of())) {
            List<Event> events = replay.take(1, PATIENCE);
            assertThat(events).extracting(Event::type).containsExactly("org.ws2.assignment.triage-changed.v1");
            JsonNode last = json.readTree(events.get(0).data());
            assertThat(last.path("id").asString()).isEqualTo(signOff.id());
            assertThat(last.path("time").asString()).isEqualTo("2022-04-22T00:00:00Z");
            assertThat(last.path("data").has("actor")).isFalse();
            assertThat(last.path("data").path("assignment").has("comments")).isFalse();
            assertThat(last.path("data").path("assignment").has("createdBy")).isFalse();
        }
    }

    @Test
    void badResumePointsAreProblems() throws Exception {
        mvc.perform(get("/api/events/stream").header("Last-Event-ID", "yesterday"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.type").value("urn:ws2:problem:invalid-input"));
        mvc.perform(get("/api/events/stream?since=last-week")).andExpect(status().isBadRequest());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String subject(Event e) {
        return json.readTree(e.data()).path("subject").asString();
    }
}
