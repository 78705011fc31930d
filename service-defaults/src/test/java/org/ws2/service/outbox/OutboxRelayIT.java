package org.ws2.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.EventCodec;
import org.ws2.contracts.PublicData;
import org.ws2.service.DefaultsTestDatabase;
import org.ws2.service.problem.ApiProblem;
import org.ws2.testsupport.TopicProbe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox against a real PostgreSQL and a real KRaft broker: writes succeed while Kafka is out
 * of reach, and once it is back every event goes out, in order per aggregate, exactly once.
 */
class OutboxRelayIT {

    private static final String TOPIC = "ws2.outbox-test.v1";
    private static final String INTERNAL = "ws2.internal.outbox-test.v1";

    private static EmbeddedKafkaKraftBroker broker;
    private static DefaultsTestDatabase database;

    private final JdbcClient jdbc = database.jdbc();
    private final TransactionTemplate transaction = database.transactions();
    private final OutboxRows rows = new OutboxRows(jdbc);
    private final OutboxSignal signal = new OutboxSignal();
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec(json);
    private final Outbox outbox = new Outbox(jdbc, codec, DataSize.ofKilobytes(64), signal);
    private final List<KafkaTemplate<String, String>> templates = new ArrayList<>();

    @BeforeAll
    static void startInfrastructure() {
        broker = new EmbeddedKafkaKraftBroker(1, 3, TOPIC, INTERNAL);
        broker.afterPropertiesSet();
        database = DefaultsTestDatabase.migrated("test_outbox");
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @BeforeEach
    void emptyOutbox() {
        jdbc.sql("DELETE FROM ws2_outbox").update();
        jdbc.sql("DELETE FROM ws2_outbox_parked").update();
    }

    @Test
    void eventsWrittenWhileKafkaIsAwayAreDeliveredInOrderOnceItIsBack() {
        List<String> ids = writeEvents("agg-a", 100);
        OutboxRelay unreachable = relay(templateFor("127.0.0.1:" + closedPort()));

        assertThat(unreachable.relayBatch()).isZero();
        assertThat(pending()).isEqualTo(100);

        OutboxRelay relay = relay(templateFor(broker.getBrokersAsString()));
        while (pending() > 0) {
            relay.relayBatch();
        }
        assertThat(relay.relayBatch()).isZero();

        try (TopicProbe probe = new TopicProbe(broker.getBrokersAsString(), TOPIC)) {
            List<ConsumerRecord<String, String>> records = probe.await("agg-a", seen -> seen.size() >= 100,
                    Duration.ofSeconds(30));
            List<String> delivered = records.stream().map(r -> codec.read(r.value()).id()).toList();
            assertThat(delivered).containsExactlyElementsOf(ids);
            assertThat(records).allSatisfy(r -> assertThat(new String(r.headers().lastHeader("content-type").value()))
                    .startsWith("application/cloudevents+json"));
        }
    }

    @Test
    void twoReplicasRelayingAtOnceSendEachEventOnce() {
        List<String> ids = writeEvents("agg-b", 60);
        OutboxRelay first = relay(templateFor(broker.getBrokersAsString()));
        OutboxRelay second = relay(templateFor(broker.getBrokersAsString()));

        while (pending() > 0) {
            CompletableFuture.allOf(CompletableFuture.runAsync(first::relayBatch),
                    CompletableFuture.runAsync(second::relayBatch)).join();
        }

        try (TopicProbe probe = new TopicProbe(broker.getBrokersAsString(), TOPIC)) {
            List<ConsumerRecord<String, String>> records = probe.await("agg-b", seen -> seen.size() >= 60,
                    Duration.ofSeconds(30));
            assertThat(records.stream().map(r -> codec.read(r.value()).id()).toList())
                    .containsExactlyElementsOf(ids);
        }
    }

    @Test
    void aRolledBackChangeLeavesNoEvent() {
        try {
            transaction.executeWithoutResult(status -> {
                outbox.append(TOPIC, event("agg-c", 1));
                throw new IllegalStateException("the change failed");
            });
        } catch (IllegalStateException expected) {
            // the point of the test
        }
        assertThat(pending()).isZero();
    }

    @Test
    void anEventOverTheSizeLimitFailsTheChangeWithAProblemAndWritesNothing() {
        String tooLong = "x".repeat(70 * 1024);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            outbox.append(TOPIC, event("agg-d", 1));
            outbox.append(TOPIC, event("agg-d", 2, Map.of("text", tooLong)));
        })).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.getStatusCode().value()).isEqualTo(422);
            assertThat(problem.getBody().getType()).hasToString("urn:ws2:problem:event-too-large");
            assertThat(problem.getBody().getDetail()).contains("at most 65536");
        });
        assertThat(pending()).isZero();
    }

    @Test
    void aRowKafkaCanNeverTakeIsParkedAndTheEventsAfterItGoOut() {
        writeEvents("agg-e", 2);
        // A row written before the size limit existed, larger than the producer's 1 MB max.request.size.
        jdbc.sql("""
                INSERT INTO ws2_outbox (event_id, topic, message_key, payload)
                VALUES ('too-large', :topic, 'agg-e', :payload)""")
                .param("topic", TOPIC).param("payload", "y".repeat(1_200_000)).update();
        List<String> after = writeEvents("agg-e", 3);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay relay = relay(templateFor(broker.getBrokersAsString()), meters);

        while (pending() > 0) {
            relay.relayBatch();
        }

        try (TopicProbe probe = new TopicProbe(broker.getBrokersAsString(), TOPIC)) {
            List<ConsumerRecord<String, String>> records = probe.await("agg-e", seen -> seen.size() >= 5,
                    Duration.ofSeconds(30));
            assertThat(records.stream().map(r -> codec.read(r.value()).id()).toList()).containsAll(after);
        }
        assertThat(jdbc.sql("SELECT event_id || ' ' || reason FROM ws2_outbox_parked").query(String.class).list())
                .singleElement().asString().startsWith("too-large RecordTooLargeException");
        assertThat(jdbc.sql("SELECT count(*) FROM ws2_outbox WHERE event_id = 'too-large'").query(Long.class)
                .single()).isZero();
        assertThat(meters.counter("ws2.outbox.parked.events").count()).isEqualTo(1.0);
        assertThat(meters.get("ws2.outbox.parked").gauge().value()).isEqualTo(1.0);
        assertThat(rows.state().parked()).isEqualTo(1);
    }

    @Test
    void oneRowWithAnInternalTwinIsOneRecordOnEachTopicInOrder() {
        List<String> ids = IntStream.rangeClosed(1, 3).mapToObj(version -> transaction.execute(status -> {
            CloudEvent whole = event("agg-h", version, Map.of("n", version, "email", "pat@example.org"));
            outbox.append(TOPIC, PublicData.publicCopy(whole), INTERNAL, whole);
            return whole.id();
        })).toList();
        assertThat(jdbc.sql("SELECT count(*) FROM ws2_outbox WHERE message_key = 'agg-h'").query(Long.class).single())
                .as("one row an event").isEqualTo(3);

        OutboxRelay relay = relay(templateFor(broker.getBrokersAsString()));
        while (pending() > 0) {
            relay.relayBatch();
        }

        try (TopicProbe publicTopic = new TopicProbe(broker.getBrokersAsString(), TOPIC);
                TopicProbe internalTopic = new TopicProbe(broker.getBrokersAsString(), INTERNAL)) {
            List<ConsumerRecord<String, String>> published = publicTopic.await("agg-h", seen -> seen.size() >= 3,
                    Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> internal = internalTopic.await("agg-h", seen -> seen.size() >= 3,
                    Duration.ofSeconds(30));
            assertThat(published).extracting(r -> codec.read(r.value()).id()).containsExactlyElementsOf(ids);
            assertThat(internal).extracting(r -> codec.read(r.value()).id()).containsExactlyElementsOf(ids);
            assertThat(published).allSatisfy(r -> assertThat(codec.read(r.value()).data().path("email").isNull())
                    .as("the public copy withholds the address").isTrue());
            assertThat(internal).allSatisfy(r -> assertThat(codec.read(r.value()).data().path("email").asString())
                    .isEqualTo("pat@example.org"));
        }
    }

    @Test
    void aRowWhoseInternalCopyKafkaCanNeverTakeIsParkedWholeAndTheRowsAfterItGoOut() {
        // As a row written before the size limit existed: its internal copy is over the producer's 1 MB.
        CloudEvent whole = event("agg-i", 1);
        jdbc.sql("""
                INSERT INTO ws2_outbox (event_id, topic, message_key, payload, internal_topic, internal_payload)
                VALUES (:id, :topic, 'agg-i', :payload, :internal, :internalPayload)""")
                .param("id", whole.id()).param("topic", TOPIC).param("payload", codec.write(whole))
                .param("internal", INTERNAL).param("internalPayload", "y".repeat(1_200_000)).update();
        List<String> after = IntStream.rangeClosed(2, 3).mapToObj(version -> transaction.execute(status -> {
            CloudEvent event = event("agg-i", version);
            outbox.append(TOPIC, event, INTERNAL, event);
            return event.id();
        })).toList();
        OutboxRelay relay = relay(templateFor(broker.getBrokersAsString()));

        while (pending() > 0) {
            relay.relayBatch();
        }

        try (TopicProbe internalTopic = new TopicProbe(broker.getBrokersAsString(), INTERNAL)) {
            assertThat(internalTopic.await("agg-i", seen -> seen.size() >= 2, Duration.ofSeconds(30)))
                    .extracting(r -> codec.read(r.value()).id()).containsExactlyElementsOf(after);
        }
        assertThat(jdbc.sql("""
                SELECT event_id || ' ' || internal_topic || ' ' || length(internal_payload) || ' ' || reason
                FROM ws2_outbox_parked""").query(String.class).list())
                .singleElement().asString().startsWith(whole.id() + " " + INTERNAL + " 1200000 RecordTooLargeException");
        assertThat(jdbc.sql("SELECT count(*) FROM ws2_outbox WHERE event_id = :id").param("id", whole.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anInternalCopyOverTheSizeLimitFailsTheChangeToo() {
        CloudEvent small = event("agg-j", 1);
        CloudEvent large = event("agg-j", 1, Map.of("text", "x".repeat(70 * 1024)));
        CloudEvent whole = new CloudEvent(large.specversion(), small.id(), large.source(), large.type(),
                large.subject(), large.time(), large.datacontenttype(), large.dataschema(), large.aggregateversion(),
                large.recordedat(), large.data());

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> outbox.append(TOPIC, small, INTERNAL,
                whole))).isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(problem.getStatusCode().value()).isEqualTo(422));
        assertThat(pending()).isZero();
    }

    @Test
    void lagIsTheAgeOfTheOldestUnpublishedEventAndHealthGoesDownPastTheLimit() {
        writeEvents("agg-f", 1);
        jdbc.sql("UPDATE ws2_outbox SET created_at = now() - interval '5 minutes'").update();
        OutboxMonitor monitor = new OutboxMonitor(rows, new SimpleMeterRegistry());

        assertThat(monitor.state().lag()).isGreaterThanOrEqualTo(Duration.ofMinutes(5));
        var health = new OutboxHealthIndicator(monitor, properties(Duration.ofMillis(100))).health(true);
        assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
        assertThat(health.getDetails()).containsEntry("parkedEvents", 0L);

        jdbc.sql("UPDATE ws2_outbox SET published_at = now()").update();
        assertThat(monitor.state().lag()).isEqualTo(Duration.ZERO);
        assertThat(new OutboxHealthIndicator(monitor, properties(Duration.ofMillis(100))).health(true).getStatus()
                .getCode()).isEqualTo("UP");
    }

    @Test
    void aCommitWakesTheRelayLongBeforeItsPoll() throws Exception {
        OutboxRelay relay = relay(templateFor(broker.getBrokersAsString()));
        OutboxRelayLoop loop = new OutboxRelayLoop(relay, signal, properties(Duration.ofHours(1)));
        loop.start();
        try {
            // the loop's first pass runs at start; wait until it is asleep on its hour-long poll
            await().atMost(Duration.ofSeconds(10)).until(loop::waiting);
            List<String> ids = writeEvents("agg-g", 3);
            long written = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> pending() == 0);
            assertThat(Duration.ofNanos(System.nanoTime() - written)).isLessThan(Duration.ofSeconds(5));
            try (TopicProbe probe = new TopicProbe(broker.getBrokersAsString(), TOPIC)) {
                assertThat(probe.await("agg-g", seen -> seen.size() >= 3, Duration.ofSeconds(30)).stream()
                        .map(r -> codec.read(r.value()).id()).toList()).containsExactlyElementsOf(ids);
            }
        } finally {
            loop.close();
        }
    }

    private List<String> writeEvents(String aggregate, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(version -> transaction.execute(status -> {
            CloudEvent event = event(aggregate, version);
            outbox.append(TOPIC, event);
            return event.id();
        })).toList();
    }

    private CloudEvent event(String aggregate, long version) {
        return event(aggregate, version, Map.of("n", version));
    }

    private CloudEvent event(String aggregate, long version, Map<String, Object> data) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, java.util.UUID.randomUUID().toString(), "/ws2/outbox-test",
                "org.ws2.test.happened.v1", aggregate, Instant.now(), "application/json", "urn:ws2:schema:test",
                version, Instant.now(), json.valueToTree(data));
    }

    private long pending() {
        return jdbc.sql("SELECT count(*) FROM ws2_outbox WHERE published_at IS NULL").query(Long.class).single();
    }

    private OutboxRelay relay(KafkaTemplate<String, String> kafka) {
        return relay(kafka, new SimpleMeterRegistry());
    }

    private OutboxRelay relay(KafkaTemplate<String, String> kafka, MeterRegistry meters) {
        return new OutboxRelay(rows, transaction, kafka, properties(Duration.ofMillis(100)),
                new OutboxMonitor(rows, meters));
    }

    private static OutboxProperties properties(Duration pollInterval) {
        return new OutboxProperties(pollInterval, 40, Duration.ofDays(1), DataSize.ofKilobytes(64),
                Duration.ofSeconds(30));
    }

    private KafkaTemplate<String, String> templateFor(String bootstrapServers) {
        KafkaTemplate<String, String> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2000),
                new StringSerializer(), new StringSerializer()));
        templates.add(template);
        return template;
    }

    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @org.junit.jupiter.api.AfterEach
    void closeProducers() {
        templates.forEach(template -> template.getProducerFactory().reset());
    }
}
