package org.ws2.service.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.contracts.EventCodec;
import org.ws2.contracts.UnreadableEventException;
import org.ws2.contracts.assignment.AssignmentEvent;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationEvent;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.service.DefaultsTestDatabase;

import tools.jackson.databind.json.JsonMapper;

/** The one consumer helper on a real PostgreSQL: once per event id, only newer versions, unknown types skipped. */
class EventConsumerIT {

    private static DefaultsTestDatabase database;

    @BeforeAll
    static void migrate() {
        database = DefaultsTestDatabase.migrated("test_event_consumer");
    }

    private final EventCodec codec = new EventCodec(JsonMapper.builder().build());
    private final JdbcClient jdbc = database.jdbc();
    private final EventConsumer consumer = new EventConsumer(codec, new ProcessedEvents(jdbc));
    private final TransactionTemplate transaction = database.transactions();
    private final List<Long> applied = new ArrayList<>();

    @Test
    void anEventIsAppliedOnceAndAnOlderVersionNever() {
        String v2 = codec.write(statusChanged("4.1", 2), Instant.now());
        String v1 = codec.write(statusChanged("4.1", 1), Instant.now());
        String v3 = codec.write(statusChanged("4.1", 3), Instant.now());

        assertThat(consume("reports", v2)).isTrue();
        assertThat(consume("reports", v2)).as("redelivered").isFalse();
        assertThat(consume("reports", v1)).as("older than the one applied").isFalse();
        assertThat(consume("inbox", v1)).as("another consumer keeps its own versions").isTrue();
        assertThat(consume("reports", v3)).isTrue();
        assertThat(applied).containsExactly(2L, 1L, 3L);
    }

    @Test
    void anUnknownTypeIsSkippedAndNotRecordedSoALaterVersionCanApplyIt() {
        String unknown = codec.write(statusChanged("4.2", 1), Instant.now())
                .replace(RecommendationEvents.STATUS_CHANGED, "org.ws2.recommendation.split.v1");
        assertThat(consume("reports", unknown)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM ws2_processed_event WHERE event_id = :id")
                .param("id", codec.read(unknown).id()).query(Long.class).single()).isZero();
    }

    @Test
    void aRecordOfAnotherFamilyOrNoEventAtAllIsPoison() {
        String recommendation = codec.write(statusChanged("4.3", 1), Instant.now());
        assertThatThrownBy(() -> transaction.execute(status -> consumer.consume("reports", recommendation,
                AssignmentEvent.class, (event, envelope) -> { })))
                .isInstanceOf(UnreadableEventException.class);
        assertThatThrownBy(() -> consume("reports", "{\"not\":\"an event\"}"))
                .isInstanceOf(UnreadableEventException.class);
    }

    private boolean consume(String name, String value) {
        return Boolean.TRUE.equals(transaction.execute(status -> consumer.consume(name, value,
                RecommendationEvent.class, (event, envelope) -> applied.add(event.aggregateVersion()))));
    }

    private static RecommendationEvents.StatusChanged statusChanged(String id, long version) {
        Instant at = Instant.parse("2021-05-07T10:00:00Z").plusSeconds(version);
        var snapshot = new RecommendationSnapshot(id, "4", "Jurisdiction", "Test " + id, "", Ownership.ORG, List.of(),
                List.of(), null, List.of(), null, null, RecommendationStatus.PLANNING, CoordinationLevel.NONE, null,
                List.of(), 0, false, null, version, at, at);
        return new RecommendationEvents.StatusChanged(id, "Jurisdiction", "Test " + id, RecommendationStatus.NOT_STARTED,
                RecommendationStatus.PLANNING, "test", "tester", at, version, null, snapshot);
    }
}
