package org.ws2.service.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.EventCodec;
import org.ws2.testsupport.TestPostgres;
import org.ws2.testsupport.TopicProbe;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox against a real PostgreSQL and a real KRaft broker: writes succeed while Kafka is out
 * of reach, and once it is back every event goes out, in order per aggregate, exactly once.
 */
class OutboxRelayIT {

    private static final String TOPIC = "ws2.outbox-test.v1";

    private static EmbeddedKafkaKraftBroker broker;
    private static DataSource dataSource;

    private JdbcClient jdbc;
    private TransactionTemplate transaction;
    private Outbox outbox;
    private final JsonMapper json = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec(json);
    private final List<KafkaTemplate<String, String>> templates = new ArrayList<>();

    @BeforeAll
    static void startInfrastructure() {
        broker = new EmbeddedKafkaKraftBroker(1, 3, TOPIC);
        broker.afterPropertiesSet();
        TestPostgres.Database database = TestPostgres.freshDatabase("test_outbox");
        dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/ws2-defaults").load().migrate();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @BeforeEach
    void emptyOutbox() {
        jdbc = JdbcClient.create(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        outbox = new Outbox(jdbc, codec);
        jdbc.sql("DELETE FROM ws2_outbox").update();
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

    private List<String> writeEvents(String aggregate, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(version -> transaction.execute(status -> {
            CloudEvent event = event(aggregate, version);
            outbox.append(TOPIC, event);
            return event.id();
        })).toList();
    }

    private CloudEvent event(String aggregate, long version) {
        return new CloudEvent(CloudEvent.SPEC_VERSION, java.util.UUID.randomUUID().toString(), "/ws2/outbox-test",
                "org.ws2.test.happened.v1", aggregate, Instant.now(), "application/json", "urn:ws2:schema:test",
                version, Instant.now(), json.valueToTree(Map.of("n", version)));
    }

    private long pending() {
        return jdbc.sql("SELECT count(*) FROM ws2_outbox WHERE published_at IS NULL").query(Long.class).single();
    }

    private OutboxRelay relay(KafkaTemplate<String, String> kafka) {
        return new OutboxRelay(jdbc, transaction, kafka, new OutboxProperties(Duration.ofMillis(100), 40,
                Duration.ofDays(1)), new SimpleMeterRegistry());
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
