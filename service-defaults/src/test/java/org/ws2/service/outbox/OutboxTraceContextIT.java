package org.ws2.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.contracts.CloudEvent;
import org.ws2.service.DefaultsServiceTest;
import org.ws2.service.DefaultsTestService;
import org.ws2.testsupport.TopicProbe;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace crosses the outbox: with the tracing Spring Boot configures (OpenTelemetry bridge, W3C
 * propagation, Kafka template observation on), an event appended inside a trace reaches Kafka with a
 * {@code traceparent} of that trace, although the relay sends it later on its own thread. A real
 * PostgreSQL (the migrations of this module) and an embedded KRaft broker.
 */
@DefaultsServiceTest
class OutboxTraceContextIT {

    private static final String TOPIC = DefaultsTestService.TRACED_TOPIC;

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Tracer tracer;
    @Autowired
    Propagator propagator;
    @Autowired
    EmbeddedKafkaBroker broker;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theRecordOfAnEventAppendedInsideATraceCarriesThatTrace() {
        CloudEvent event = event("agg-traced");
        String traceId;
        Span request = tracer.nextSpan().name("the request").start();
        try (Tracer.SpanInScope inScope = tracer.withSpan(request)) {
            traceId = request.context().traceId();
            transaction.executeWithoutResult(status -> outbox.append(TOPIC, event));
        } finally {
            request.end();
        }

        assertThat(stored(event).traceparent()).startsWith("00-" + traceId + "-");
        ConsumerRecord<String, String> record = published("agg-traced");
        assertThat(traceIdOf(record)).isEqualTo(traceId);
        // a child of the request's span, not the request's span itself: the relay's send is a span of its own
        assertThat(header(record, "traceparent")).doesNotContain(request.context().spanId());
    }

    @Test
    void theIncomingTracestateIsKeptAndSentOn() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Span request = propagator.extract(Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01",
                "tracestate", "ws2test=kept"), Map::get).name("a request from outside").start();
        CloudEvent event = event("agg-tracestate");
        try (Tracer.SpanInScope inScope = tracer.withSpan(request)) {
            transaction.executeWithoutResult(status -> outbox.append(TOPIC, event));
        } finally {
            request.end();
        }

        assertThat(stored(event).tracestate()).isEqualTo("ws2test=kept");
        ConsumerRecord<String, String> record = published("agg-tracestate");
        assertThat(traceIdOf(record)).isEqualTo(traceId);
        assertThat(header(record, "tracestate")).isEqualTo("ws2test=kept");
    }

    @Test
    void anEventWrittenWithoutTraceContextIsStillSentInATraceOfItsOwn() {
        // as a row written before the columns existed: no traceparent, no tracestate
        String eventId = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO ws2_outbox (event_id, topic, message_key, payload) VALUES (:id, :topic, 'agg-untraced', :payload)""")
                .param("id", eventId).param("topic", TOPIC).param("payload", "{\"id\":\"" + eventId + "\"}").update();

        ConsumerRecord<String, String> record = published("agg-untraced");
        assertThat(record.value()).contains(eventId);
        // the send's own observation started a trace
        assertThat(traceIdOf(record)).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    }

    private OutboxTracing.StoredContext stored(CloudEvent event) {
        return jdbc.sql("SELECT traceparent, tracestate FROM ws2_outbox WHERE event_id = :id").param("id", event.id())
                .query((rs, row) -> new OutboxTracing.StoredContext(rs.getString(1), rs.getString(2))).single();
    }

    /** The record the running relay published for {@code key}. */
    private ConsumerRecord<String, String> published(String key) {
        try (TopicProbe probe = new TopicProbe(broker.getBrokersAsString(), TOPIC)) {
            List<ConsumerRecord<String, String>> records = probe.await(key, seen -> !seen.isEmpty(), Duration.ofSeconds(30));
            return records.get(0);
        }
    }

    /** The trace id of the record's W3C {@code traceparent} header: {@code 00-<trace id>-<span id>-<flags>}. */
    private static String traceIdOf(ConsumerRecord<String, String> record) {
        String[] parts = header(record, "traceparent").split("-");
        assertThat(parts).hasSize(4);
        return parts[1];
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("%s header on %s", name, record).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private CloudEvent event(String aggregate) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), "/ws2/outbox-trace-test",
                "org.ws2.test.happened.v1", aggregate, Instant.now(), "application/json", "urn:ws2:schema:test", 1L,
                Instant.now(), json.valueToTree(Map.of("n", 1)));
    }
}
