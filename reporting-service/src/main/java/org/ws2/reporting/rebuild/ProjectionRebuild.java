package org.ws2.reporting.rebuild;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.EventCodec;
import org.ws2.contracts.UnreadableEventException;
import org.ws2.contracts.Ws2Event;
import org.ws2.contracts.assignment.AssignmentEvent;
import org.ws2.contracts.engagement.EngagementEvent;
import org.ws2.contracts.group.GroupEvent;
import org.ws2.contracts.recommendation.RecommendationEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.reporting.assignment.AssignmentHistory;
import org.ws2.reporting.engagement.EngagementHistory;
import org.ws2.reporting.evidence.EvidenceLog;
import org.ws2.reporting.group.GroupHistory;
import org.ws2.reporting.history.VersionTable;
import org.ws2.reporting.picture.ReadModelGeneration;
import org.ws2.reporting.recommendation.RecommendationReadModel;
import org.ws2.service.problem.ApiProblem;

/**
 * Rebuilds the reports' history tables from the topics, without stopping reads: replays every
 * partition of the four public topics from offset 0 into fresh tables ({@code <table>_next}), swaps
 * them in (one transaction of renames), then replays once more from where it got to up to the
 * current end, so that whatever the live consumers wrote into the old tables meanwhile is in the new
 * ones too (inserts are idempotent per aggregate and version). The public stream's table is not
 * rebuilt: its positions are the ids clients resume by.
 */
@Component
public class ProjectionRebuild implements DisposableBean {

    static final List<String> TABLES = List.of(RecommendationReadModel.VERSIONS.name(), GroupHistory.VERSIONS.name(),
            AssignmentHistory.VERSIONS.name(), EngagementHistory.VERSIONS.name(), "evidence");
    static final List<String> TOPICS = List.of(Topics.RECOMMENDATIONS, Topics.GROUPS, Topics.ASSIGNMENTS,
            Topics.ENGAGEMENTS);
    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);

    public enum State { RUNNING, COMPLETED, FAILED }

    /** Aggregate ids are unique per family only (a group and an assignment may not share a namespace). */
    private static final class EventFamilyKey {
        static String of(Ws2Event event) {
            return event instanceof RecommendationEvent ? "r" : event instanceof GroupEvent ? "g"
                    : event instanceof AssignmentEvent ? "a" : "e";
        }
    }

    /** What the last rebuild did; eventsPerSecond over the replay from offset 0. */
    public record Status(State state, Instant startedAt, Instant finishedAt, long events, long eventsPerSecond,
            String error) {
    }

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final EventCodec codec;
    private final String bootstrapServers;
    private final EngagementHistory engagements;
    private final EvidenceLog evidence;
    private final ReadModelGeneration generation;
    private final AtomicReference<Status> status = new AtomicReference<>();
    /** Per family and aggregate, the version the running rebuild has applied (one rebuild at a time). */
    private final Map<String, Long> applied = new java.util.HashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "projection-rebuild");
        t.setDaemon(true);
        return t;
    });

    ProjectionRebuild(JdbcClient jdbc, NamedParameterJdbcTemplate batches, TransactionTemplate transactions,
            EventCodec codec,
            @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers, EngagementHistory engagements,
            EvidenceLog evidence,
            ReadModelGeneration generation) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.codec = codec;
        this.bootstrapServers = bootstrapServers;
        this.engagements = engagements;
        this.evidence = evidence;
        this.generation = generation;
    }

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background; a 409 problem while one is running. */
    public synchronized Status start() {
        Status current = status.get();
        if (current != null && current.state() == State.RUNNING) {
            throw new ApiProblem(HttpStatus.CONFLICT, "rebuild-running", "A rebuild is running",
                    "A rebuild started at " + current.startedAt() + " is still running.");
        }
        Status started = new Status(State.RUNNING, Instant.now(), null, 0, 0, null);
        status.set(started);
        worker.submit(() -> run(started.startedAt()));
        return started;
    }

    private void run(Instant startedAt) {
        try {
            long events = rebuild();
            Instant done = Instant.now();
            long millis = Math.max(1, Duration.between(startedAt, done).toMillis());
            status.set(new Status(State.COMPLETED, startedAt, done, events, events * 1000 / millis, null));
            log.info("Projection rebuild: {} events in {} ms", events, millis);
        } catch (RuntimeException e) {
            log.error("Projection rebuild failed", e);
            status.set(new Status(State.FAILED, startedAt, Instant.now(), 0, 0, e.toString()));
        }
    }

    /** The whole rebuild; the number of records replayed from offset 0. */
    long rebuild() {
        applied.clear();
        transactions.executeWithoutResult(tx -> TABLES.forEach(t -> {
            jdbc.sql("DROP TABLE IF EXISTS " + t + "_next").update();
            jdbc.sql("CREATE TABLE " + t + "_next (LIKE " + t + " INCLUDING ALL)").update();
        }));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long replayed = replayToEnd(consumer, partitions, "_next");
            transactions.executeWithoutResult(tx -> {
                TABLES.forEach(t -> {
                    generation.watch(t + "_next");
                    jdbc.sql("ALTER TABLE " + t + " RENAME TO " + t + "_old").update();
                    jdbc.sql("ALTER TABLE " + t + "_next RENAME TO " + t).update();
                });
                generation.advance();
            });
            // What the live consumers applied to the old tables between the replay and the swap.
            replayToEnd(consumer, partitions, "");
            transactions.executeWithoutResult(tx -> TABLES.forEach(t -> jdbc.sql("DROP TABLE " + t + "_old").update()));
            return replayed;
        }
    }

    private long replayToEnd(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, String suffix) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long count = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
            if (records.isEmpty()) {
                continue;
            }
            // One batch per table and poll: a rebuild is bound by round trips to the database, not by decoding.
            Map<String, List<SqlParameterSource>> versions = new LinkedHashMap<>();
            transactions.executeWithoutResult(tx -> {
                records.forEach(r -> apply(r, suffix, versions));
                versions.forEach((insert, rows) -> batches.batchUpdate(insert, rows.toArray(SqlParameterSource[]::new)));
            });
            count += records.count();
        }
        return count;
    }

    /** As the live consumers apply it: the snapshot at the event's effective time, and the evidence log. */
    private void apply(ConsumerRecord<String, String> record, String suffix,
            Map<String, List<SqlParameterSource>> versions) {
        CloudEvent envelope;
        Ws2Event event;
        try {
            envelope = codec.read(record.value());
            event = codec.decode(envelope).orElse(null);
        } catch (UnreadableEventException poison) {
            return; // parked on the dead-letter topic by the live consumer; nothing to rebuild from
        }
        if (event == null || !newer(event)) {
            return;
        }
        Instant at = envelope.time();
        long version = envelope.aggregateversion();
        if (event instanceof RecommendationEvent r) {
            batch(versions, RecommendationReadModel.VERSIONS, suffix,
                    RecommendationReadModel.row(r.recommendation(), version, at));
            if (r instanceof RecommendationEvents.EvidenceAdded added && added.evidence() != null) {
                evidence.added("evidence" + suffix, envelope.subject(), added.evidence(), at);
            } else if (r instanceof RecommendationEvents.EvidenceRemoved removed) {
                evidence.removed("evidence" + suffix, envelope.subject(), removed.evidenceId(), at);
            }
        } else if (event instanceof GroupEvent g) {
            batch(versions, GroupHistory.VERSIONS, suffix, GroupHistory.row(g.group(), version, at));
        } else if (event instanceof AssignmentEvent a) {
            batch(versions, AssignmentHistory.VERSIONS, suffix,
                    AssignmentHistory.row(a.assignment(), envelope.type(), version, at));
        } else if (event instanceof EngagementEvent e) {
            batch(versions, EngagementHistory.VERSIONS, suffix, engagements.row(e.engagement(), version, at));
        }
    }

    /** Adds one version's row to the batch for {@code table + suffix}. */
    private static void batch(Map<String, List<SqlParameterSource>> versions, VersionTable table, String suffix,
            SqlParameterSource row) {
        versions.computeIfAbsent(table.insertInto(table.name() + suffix), insert -> new ArrayList<>()).add(row);
    }

    /**
     * As the live consumers do (EventConsumer): an event whose version is not newer than the one applied
     * for its aggregate is a straggler or a repeat, and is left out. Topic order is replay order.
     */
    private boolean newer(Ws2Event event) {
        String key = EventFamilyKey.of(event) + ":" + event.aggregateId();
        Long held = applied.get(key);
        if (held != null && held >= event.aggregateVersion()) {
            return false;
        }
        applied.put(key, event.aggregateVersion());
        return true;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
