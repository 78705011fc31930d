package org.ws2.service.events;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which events a consumer has applied. Called in the same transaction as the read-model
 * change, so an event redelivered after a crash or a rebalance is applied exactly once.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Forgets events processed before {@code before}. Safe once the topics' retention has dropped
     * them; a replay from further back is still guarded by the consumers' version checks.
     */
    public int forgetProcessedBefore(Instant before) {
        return jdbc.sql("DELETE FROM ws2_processed_event WHERE processed_at < :before")
                .param("before", Timestamp.from(before))
                .update();
    }

    /** Records the event as processed by {@code consumer}; false if it already was. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return jdbc.sql("""
                INSERT INTO ws2_processed_event (consumer, event_id) VALUES (:consumer, :eventId)
                ON CONFLICT DO NOTHING""")
                .param("consumer", consumer)
                .param("eventId", eventId)
                .update() == 1;
    }
}
