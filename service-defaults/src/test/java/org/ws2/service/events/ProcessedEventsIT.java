package org.ws2.service.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.service.events.ProcessedEvents.Delivery.NEW;
import static org.ws2.service.events.ProcessedEvents.Delivery.REPEATED;
import static org.ws2.service.events.ProcessedEvents.Delivery.STALE;

import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.service.DefaultsTestDatabase;
import org.ws2.service.events.ProcessedEvents.Delivery;

/**
 * Processed event ids and applied versions on a real PostgreSQL: a redelivery is caught, an older version
 * is stale, each consumer keeps its own, and old ids are forgotten.
 */
class ProcessedEventsIT {

    private static DefaultsTestDatabase database;

    @BeforeAll
    static void migrate() {
        database = DefaultsTestDatabase.migrated("test_processed_events");
    }

    private final ProcessedEvents processed = new ProcessedEvents(database.jdbc());
    private final TransactionTemplate transaction = database.transactions();

    @Test
    void anEventIsNewOncePerConsumer() {
        assertThat(record("reports", "event-1", "1.1", 1)).isEqualTo(NEW);
        assertThat(record("reports", "event-1", "1.1", 1)).isEqualTo(REPEATED);
        assertThat(record("inbox", "event-1", "1.1", 1)).isEqualTo(NEW);
    }

    @Test
    void aVersionNotNewerThanTheOneAppliedIsStaleAndStillRemembered() {
        assertThat(record("reports", "event-3", "1.3", 3)).isEqualTo(NEW);
        assertThat(record("reports", "event-2", "1.3", 2)).isEqualTo(STALE);
        assertThat(record("reports", "event-2", "1.3", 2)).as("remembered although not applied")
                .isEqualTo(REPEATED);
        assertThat(record("reports", "event-3b", "1.3", 3)).as("the same version again").isEqualTo(STALE);
        assertThat(record("reports", "event-4", "1.3", 4)).isEqualTo(NEW);
        assertThat(database.jdbc().sql("""
                SELECT version FROM ws2_consumed_version WHERE consumer = 'reports' AND aggregate_id = '1.3'""")
                .query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void aRolledBackDeliveryLeavesNothingBehind() {
        transaction.executeWithoutResult(status -> {
            assertThat(processed.record("reports", "event-5", "1.5", 5)).isEqualTo(NEW);
            status.setRollbackOnly();
        });
        assertThat(record("reports", "event-5", "1.5", 5)).isEqualTo(NEW);
    }

    @Test
    void idsProcessedBeforeTheCutOffAreForgotten() {
        assertThat(record("reports", "event-6", "1.6", 1)).isEqualTo(NEW);

        assertThat(processed.forgetProcessedBefore(Instant.now().minusSeconds(3600))).isZero();
        assertThat(record("reports", "event-6", "1.6", 1)).isEqualTo(REPEATED);

        assertThat(processed.forgetProcessedBefore(Instant.now().plusSeconds(1))).isPositive();
        assertThat(record("reports", "event-6", "1.6", 1)).as("a forgotten id is guarded by the version alone")
                .isEqualTo(STALE);
    }

    private Delivery record(String consumer, String eventId, String aggregateId, long version) {
        return transaction.execute(status -> processed.record(consumer, eventId, aggregateId, version));
    }
}
