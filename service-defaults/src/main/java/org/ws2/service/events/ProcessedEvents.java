package org.ws2.service.events;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which events a consumer has applied ({@code ws2_processed_event}) and the newest version of
 * each aggregate it has applied ({@code ws2_consumed_version}). Called in the same transaction as the
 * read-model change, so an event redelivered after a crash or a rebalance is applied exactly once.
 */
public class ProcessedEvents {

    /** What one delivery of an event is to a consumer. */
    public enum Delivery {
        /** The first delivery of an event newer than any of its aggregate's the consumer has applied: apply it. */
        NEW,
        /** The consumer has had this event before. */
        REPEATED,
        /** A first delivery, but the consumer has applied this version of the aggregate or a newer one. */
        STALE
    }

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

    /**
     * Records the delivery of event {@code eventId}, version {@code version} of {@code aggregateId}, to
     * {@code consumer}: its id is remembered whatever it is (a stale event is not applied later either), and
     * the aggregate's version moves on only for a new one. One statement, once per event of every poll: two
     * deliveries racing on different replicas wait on each other's rows, and only one of them wins.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Delivery record(String consumer, String eventId, String aggregateId, long version) {
        return jdbc.sql("""
                WITH first AS (
                    INSERT INTO ws2_processed_event (consumer, event_id) VALUES (:consumer, :eventId)
                    ON CONFLICT DO NOTHING
                    RETURNING event_id),
                newer AS (
                    INSERT INTO ws2_consumed_version (consumer, aggregate_id, version)
                    SELECT :consumer, :aggregateId, :version FROM first
                    ON CONFLICT (consumer, aggregate_id) DO UPDATE SET version = EXCLUDED.version
                    WHERE ws2_consumed_version.version < EXCLUDED.version
                    RETURNING version)
                SELECT EXISTS (SELECT FROM first) AS first, EXISTS (SELECT FROM newer) AS newer""")
                .param("consumer", consumer)
                .param("eventId", eventId)
                .param("aggregateId", aggregateId)
                .param("version", version)
                .query((rs, row) -> !rs.getBoolean("first") ? Delivery.REPEATED
                        : rs.getBoolean("newer") ? Delivery.NEW : Delivery.STALE)
                .single();
    }
}
