package org.ws2.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.ws2.systemtests.support.SharedStackJourney;
import org.ws2.systemtests.support.Sse;
import org.ws2.systemtests.support.SystemStack;
import org.ws2.systemtests.support.TopicReader;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ws2.systemtests.support.Responses.JSON;
import static org.ws2.systemtests.support.Responses.assertOk;
import static org.ws2.systemtests.support.Responses.json;

/** How a change travels on: the public event stream through the gateway, and one trace through every component. */
class EventDeliverySystemIT extends SharedStackJourney {

    /**
     * Issue 8: a reporting consumer follows /api/events/stream through the gateway, goes away, and on reconnecting
     * with Last-Event-ID receives exactly the events it missed, then the live ones. (On 8.1.16: no other journey
     * changes it.)
     */
    @Test
    void theEventStreamResumesThroughTheGatewayWithExactlyTheMissedEvents() throws Exception {
        String id = "8.1.16";
        String transitions = "/api/recommendations/" + id + "/transitions";
        String staff = gateway.token("support-staff");
        URI stream = gateway.url("/api/events/stream?types=org.ws2.recommendation.*&subject=" + id);
        String lastSeen;
        long lastVersion;
        try (Sse first = Sse.open(stream, null)) {
            assertOk(gateway.post(transitions, staff, "{\"to\":\"ON_HOLD\",\"note\":\"paused\"}"));
            assertOk(gateway.post(transitions, staff, "{\"to\":\"NOT_STARTED\",\"note\":\"back\"}"));
            List<String[]> events = first.take(2);
            lastSeen = events.get(1)[0];
            lastVersion = JSON.readTree(events.get(1)[1]).path("aggregateversion").asLong();
            assertThat(JSON.readTree(events.get(0)[1]).path("aggregateversion").asLong()).isEqualTo(lastVersion - 1);
        }
        assertOk(gateway.post(transitions, staff, "{\"to\":\"ON_HOLD\",\"note\":\"missed 1\"}"));
        assertOk(gateway.post(transitions, staff, "{\"to\":\"NOT_STARTED\",\"note\":\"missed 2\"}"));

        try (Sse again = Sse.open(stream, lastSeen)) {
            List<String[]> missed = again.take(2);
            assertThat(missed).extracting(e -> JSON.readTree(e[1]).path("aggregateversion").asLong())
                    .containsExactly(lastVersion + 1, lastVersion + 2);
            assertOk(gateway.post(transitions, staff, "{\"to\":\"ON_HOLD\",\"note\":\"live\"}"));
            assertThat(JSON.readTree(again.take(1).get(0)[1]).path("aggregateversion").asLong()).isEqualTo(lastVersion + 3);
        }
    }

    /**
     * Issue 14's acceptance: one transition through the gateway is one trace, from the gateway through the
     * recommendations service and its outbox to every consumer of ws2.recommendations.v1. The request brings a
     * sampled W3C {@code traceparent}, as a caller that traces would (the gateway samples 10% of the rest and the
     * services follow its decision); the change's record, read back with a plain consumer, carries that trace,
     * still sampled, and the log lines of the work in each component carry its trace id. (Log levels for this:
     * system-tests/pom.xml. On 1.2: no other journey changes it.)
     */
    @Test
    void oneTransitionThroughTheGatewayIsOneTraceFromTheGatewayToEveryConsumer() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = traceId.substring(0, 16);
        String path = "/api/recommendations/1.2";
        HttpResponse<String> moved = gateway.send(gateway.request(path + "/transitions", gateway.token("support-staff"))
                .header("Content-Type", "application/json")
                .header("If-Match", gateway.etag(path))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"PLANNING\",\"note\":\"one trace\"}")));
        assertOk(moved);
        long version = json(moved).path("version").asLong();

        ConsumerRecord<String, String> record = TopicReader.recordOf(stack, "1.2", version);
        assertThat(header(record, "traceparent")).as("traceparent of the change's record")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");
        String eventId = JSON.readTree(record.value()).path("id").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(logLines(SystemStack.GATEWAY, traceId)).as("gateway log lines of trace %s", traceId)
                    .anySatisfy(line -> assertThat(line.path("message").asString()).contains("recommendations"));
            List<JsonNode> recommendations = logLines("recommendations-service", traceId);
            assertThat(recommendations).as("recommendations-service: the change, in the request")
                    .anySatisfy(line -> assertThat(line.path("log").path("logger").asString())
                            .isEqualTo("org.ws2.service.changes.ChangeLog"));
            assertThat(recommendations).as("recommendations-service: the relay's send, later, on its own thread")
                    .anySatisfy(line -> {
                        assertThat(line.path("process").path("thread").path("name").asString()).isEqualTo("outbox-relay");
                        assertThat(line.path("message").asString()).contains(eventId);
                    });
            for (String consumer : List.of("groups-service", "reporting-service", "notifications-service")) {
                assertThat(logLines(consumer, traceId)).as("%s applying event %s in trace %s", consumer, eventId, traceId)
                        .anySatisfy(line -> assertThat(line.path("event").path("id").asString()).isEqualTo(eventId));
            }
        });
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("%s header of %s", name, record).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The lines of {@code component}'s log (ECS JSON, one object a line) whose {@code traceId} is {@code traceId}. */
    private List<JsonNode> logLines(String component, String traceId) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(stack.logFile(component))) {
            if (line.startsWith("{") && line.contains(traceId)) {
                JsonNode json = JSON.readTree(line);
                if (traceId.equals(json.path("traceId").asString())) {
                    lines.add(json);
                }
            }
        }
        return lines;
    }
}
