package org.ws2.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.service.DefaultsTestDatabase;

/** Processed event ids on a real PostgreSQL: a redelivery is caught, and old ids are forgotten. */
class ProcessedEventsIT {

    private static DefaultsTestDatabase database;

    @BeforeAll
    static void migrate() {
        database = DefaultsTestDatabase.migrated("test_processed_events");
    }

    private final ProcessedEvents processed = new ProcessedEvents(database.jdbc());
    private final TransactionTemplate transaction = database.transactions();

    @Test
    void anEventIsFirstDeliveredOncePerConsumer() {
        assertThat(firstDelivery("reports", "event-1")).isTrue();
        assertThat(firstDelivery("reports", "event-1")).isFalse();
        assertThat(firstDelivery("inbox", "event-1")).isTrue();
    }

    @Test
    void idsProcessedBeforeTheCutOffAreForgotten() {
        assertThat(firstDelivery("reports", "event-2")).isTrue();

        assertThat(processed.forgetProcessedBefore(Instant.now().minusSeconds(3600))).isZero();
        assertThat(firstDelivery("reports", "event-2")).isFalse();

        assertThat(processed.forgetProcessedBefore(Instant.now().plusSeconds(1))).isPositive();
        assertThat(firstDelivery("reports", "event-2")).isTrue();
    }

    private boolean firstDelivery(String consumer, String eventId) {
        return Boolean.TRUE.equals(transaction.execute(status -> processed.firstDelivery(consumer, eventId)));
    }
}
