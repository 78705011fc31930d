package org.ws2.service.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ws2.contracts.recommendation.RecommendationStatus.IN_PROGRESS;
import static org.ws2.contracts.recommendation.RecommendationStatus.PLANNING;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.RecommendationEvents.StatusChanged;
import org.ws2.service.CountingDataSource;
import org.ws2.service.DefaultsServiceTest;
import org.ws2.service.DefaultsTestService;
import org.ws2.service.observability.DeadLetterMetrics;
import org.ws2.testsupport.RecommendationEventFeed;
import org.ws2.testsupport.TopicProbe;

/**
 * An {@code @AppliesEvents} consumer fed by a real KRaft broker, on a real PostgreSQL: a poll's events are
 * applied in one transaction, in order, each once; a poison record in the middle of a poll is parked on
 * the dead-letter topic while the records around it are applied once; a database cut in the middle of a
 * poll is waited out; a consumer stopped in the middle of a poll and redelivered what it had applied
 * (its offsets lost, as when a process dies after the database commit) still applies each event once.
 */
@DefaultsServiceTest
class EventSubscriptionsIT {

    private static final String DEAD_LETTERS = DefaultsTestService.DEAD_LETTERS;
    private static final String GROUP = DefaultsTestService.NAME;
    private static final String LISTENER = StatusLog.LISTENER;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    StatusLog statusLog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    DefaultErrorHandler errorHandler;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Tracer tracer;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Value("${spring.datasource.username}")
    String databaseUser;
    @Value("${spring.datasource.password}")
    String databasePassword;

    private final List<Attempt> failedAttempts = new CopyOnWriteArrayList<>();
    private RecordMetadata lastRecord;
    private final List<String> deadLettered = new CopyOnWriteArrayList<>();
    private RecommendationEventFeed feed;

    @BeforeEach
    void setUp() {
        feed = new RecommendationEventFeed(kafka, broker.getBrokersAsString(), GROUP);
        // The service's own retry listener stays; this one lets the test see the error handler's work.
        errorHandler.setRetryListeners(new DeadLetterMetrics(meters), new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
                failedAttempts.add(new Attempt(String.valueOf(record.key()), attempt,
                        EventConsumptionConfiguration.isInfrastructureOutage(failure)));
            }

            @Override
            public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
                deadLettered.add(String.valueOf(record.key()));
            }
        });
        statusLog.before = (event, envelope) -> { };
    }

    @AfterEach
    void tearDown() throws Exception {
        cutDatabase(false);
        statusLog.before = (event, envelope) -> { };
        if (!container().isRunning()) {
            container().start();
        }
        feed.close();
    }

    @Test
    void aPollsEventsAreAppliedInOrderInOneTransactionEachInTheTraceOfItsRecord() {
        Map<String, String> traceOfEvent = new ConcurrentHashMap<>();
        statusLog.before = (event, envelope) -> {
            Span span = tracer.currentSpan();
            traceOfEvent.put(envelope.id(), span == null ? "none" : span.context().traceId());
        };
        container().stop();
        List<String> ids = publish("8.901", 1, 30);
        CountingDataSource counting = (CountingDataSource) dataSource;
        long statementsBefore = counting.statements();
        long commitsBefore = counting.commits();

        container().start();
        await().atMost(PATIENCE).until(() -> applied("8.901").size() == 30);

        long statements = counting.statements() - statementsBefore;
        long commits = counting.commits() - commitsBefore;
        // Measured, not asserted beyond the one transaction below: what applying an event costs the database
        // (the consumer's own INSERT is one of the statements).
        System.out.printf("30 events applied: %d statements, %d commits (%.2f statements and %.3f commits an event)%n",
                statements, commits, statements / 30.0, commits / 30.0);
        assertThat(applied("8.901")).extracting(Applied::eventId).containsExactlyElementsOf(ids);
        assertThat(applied("8.901")).extracting(Applied::tx).as("transactions of one poll").containsOnly(
                applied("8.901").get(0).tx());

        // Each record observed on its own, as the container does for a record listener: timed, and its work in
        // the trace its traceparent names (so the log lines of that work carry the trace id).
        Collection<Meter> timers = meters.find("spring.kafka.listener").meters();
        assertThat(timers).isNotEmpty().allSatisfy(meter -> assertThat(meter.getId().getTag("messaging.source.name"))
                .isEqualTo(Topics.RECOMMENDATIONS));
        assertThat(meters.find("spring.kafka.listener").tag("spring.kafka.listener.id", LISTENER)
                .tag("error", "none").timer().count()).isGreaterThanOrEqualTo(30);
        try (TopicProbe topic = new TopicProbe(broker.getBrokersAsString(), Topics.RECOMMENDATIONS)) {
            List<ConsumerRecord<String, String>> records = topic.await("8.901", seen -> seen.size() >= 30, PATIENCE);
            assertThat(records).allSatisfy(record -> assertThat(traceOfEvent.get(idOf(record)))
                    .as("trace of the work on %s", idOf(record)).isEqualTo(traceIdOf(record)));
        }
    }

    @Test
    void aPoisonRecordInTheMiddleOfAPollIsParkedAndTheRecordsAroundItAreAppliedOnce() {
        AtomicInteger poisonAttempts = new AtomicInteger();
        statusLog.before = (event, envelope) -> {
            if (event instanceof StatusChanged change && "poison".equals(change.note())) {
                poisonAttempts.incrementAndGet();
                throw new IllegalStateException("this consumer cannot apply " + envelope.id());
            }
        };
        container().stop();
        List<String> first = publish("8.904", 1, 5);
        feed.send("8.904", "not an event at all");
        List<String> second = publish("8.904", 6, 8);
        feed.publish(feed.statusChanged("8.904", PLANNING, IN_PROGRESS, 9, RecommendationEventFeed.now(), "poison",
                "tester"));
        List<String> third = publish("8.904", 10, 12);

        container().start();
        try (TopicProbe deadLetters = new TopicProbe(broker.getBrokersAsString(), DEAD_LETTERS)) {
            List<ConsumerRecord<String, String>> parked = deadLetters.await("8.904", seen -> seen.size() >= 2, PATIENCE);
            assertThat(parked).hasSize(2);
            assertThat(parked.get(0).value()).isEqualTo("not an event at all");
            assertThat(parked.get(1).value()).contains("\"note\":\"poison\"");
        }
        await().atMost(PATIENCE).until(() -> applied("8.904").size() >= 11);

        List<String> expected = new ArrayList<>(first);
        expected.addAll(second);
        expected.addAll(third);
        assertThat(applied("8.904")).extracting(Applied::eventId).containsExactlyElementsOf(expected);
        assertThat(poisonAttempts).as("the poison record tried, then retried three times").hasValue(4);
        assertThat(deadLettered).containsExactly("8.904", "8.904");
    }

    @Test
    void aDatabaseCutInTheMiddleOfAPollIsWaitedOutAndEveryEventAppliedOnce() {
        AtomicInteger cuts = new AtomicInteger();
        statusLog.before = (event, envelope) -> {
            if (event.aggregateId().equals("8.902") && event.aggregateVersion() == 5 && cuts.getAndIncrement() == 0) {
                cutDatabase(true);
            }
        };
        container().stop();
        List<String> ids = publish("8.902", 1, 10);

        container().start();
        await().atMost(PATIENCE).until(() -> failedAttempts.stream()
                .anyMatch(attempt -> attempt.key().equals("8.902") && attempt.outage() && attempt.number() >= 2));
        cutDatabase(false);

        await().atMost(PATIENCE).ignoreExceptions().until(() -> applied("8.902").size() >= 10);
        assertThat(applied("8.902")).extracting(Applied::eventId).containsExactlyElementsOf(ids);
        assertThat(failedAttempts).filteredOn(attempt -> attempt.key().equals("8.902"))
                .allSatisfy(attempt -> assertThat(attempt.outage()).isTrue());
        assertThat(deadLettered).doesNotContain("8.902");
    }

    @Test
    void aConsumerStoppedInTheMiddleOfAPollThatLosesItsOffsetsStillAppliesEachEventOnce() throws Exception {
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        statusLog.before = (event, envelope) -> {
            if (event.aggregateId().equals("8.903") && event.aggregateVersion() == 5 && reached.getCount() > 0) {
                reached.countDown();
                awaitQuietly(release);
            }
        };
        container().stop();
        CloudEvent first = feed.statusChanged("8.903", PLANNING, IN_PROGRESS, 1, RecommendationEventFeed.now());
        RecordMetadata firstRecord = feed.publish(first);
        List<String> ids = new ArrayList<>(List.of(first.id()));
        ids.addAll(publish("8.903", 2, 10));

        container().start();
        assertThat(reached.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CountDownLatch stopped = new CountDownLatch(1);
        container().stop(stopped::countDown);
        release.countDown();
        assertThat(stopped.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        // As if the process had died after the database committed and before Kafka did: the group starts
        // again from the first record of the poll.
        rewindGroupTo(new TopicPartition(Topics.RECOMMENDATIONS, firstRecord.partition()), firstRecord.offset());
        container().start();
        ids.addAll(publish("8.903", 11, 11));

        await().atMost(PATIENCE).until(() -> applied("8.903").size() >= 11);
        feed.awaitConsumed(lastRecord);
        assertThat(applied("8.903")).extracting(Applied::eventId).containsExactlyElementsOf(ids);
    }

    /** Publishes status changes of {@code aggregate}, versions {@code from} to {@code to}; their event ids. */
    private List<String> publish(String aggregate, int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(version -> {
            CloudEvent event = feed.statusChanged(aggregate, PLANNING, IN_PROGRESS, version,
                    RecommendationEventFeed.now());
            lastRecord = feed.publish(event);
            return event.id();
        }).toList();
    }

    private List<Applied> applied(String aggregate) {
        return jdbc.sql("SELECT event_id, version, tx FROM test_applied WHERE aggregate_id = :aggregate ORDER BY seq")
                .param("aggregate", aggregate)
                .query((rs, row) -> new Applied(rs.getString("event_id"), rs.getLong("version"), rs.getLong("tx")))
                .list();
    }

    private MessageListenerContainer container() {
        return listeners.getListenerContainer(LISTENER);
    }

    private void rewindGroupTo(TopicPartition partition, long offset) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            // the stopped member may take a moment to leave the group
            await().atMost(PATIENCE).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets(GROUP, Map.of(partition, new OffsetAndMetadata(offset))).all().get();
                return true;
            });
        }
    }

    /** No new connection to the service's database, and the open ones cut; or connections allowed again. */
    private void cutDatabase(boolean cut) {
        String name = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        String admin = databaseUrl.substring(0, databaseUrl.lastIndexOf('/') + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(admin, databaseUser, databasePassword);
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + !cut);
            if (cut) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                        + "' AND pid <> pg_backend_pid()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String idOf(ConsumerRecord<String, String> record) {
        String value = record.value();
        int start = value.indexOf("\"id\":\"") + 6;
        return value.substring(start, value.indexOf('"', start));
    }

    private static String traceIdOf(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8).split("-")[1];
    }

    private record Applied(String eventId, long version, long tx) {
    }

    private record Attempt(String key, int number, boolean outage) {
    }
}
