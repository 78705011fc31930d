package org.ws2.service.outbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL over {@code ws2_outbox} and {@code ws2_outbox_parked} that the relay and its monitor need;
 * {@link Outbox} appends the rows. A row is one event, for one topic or for a topic and its internal
 * twin; it is published, or parked, as a whole.
 *
 * <p>{@link #claimBatch}, {@link #markSent} and {@link #park} must run in one transaction: the
 * claim's advisory lock is held until that transaction ends, which is what keeps a single replica
 * relaying at a time and each aggregate's events in order.
 */
public final class OutboxRows {

    /** Arbitrary, but fixed: the advisory lock key that elects the relaying replica. */
    private static final long RELAY_LOCK = 0x5752_4f55_5442_4f58L;

    private final JdbcClient jdbc;

    public OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The oldest {@code limit} unpublished rows, in the order they were written, once this replica
     * holds the relay lock for the current transaction; empty when another replica holds it.
     */
    List<PendingEvent> claimBatch(int limit) {
        if (!Boolean.TRUE.equals(jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)")
                .param("key", RELAY_LOCK).query(Boolean.class).single())) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, event_id, topic, message_key, payload, internal_topic, internal_payload, traceparent,
                       tracestate
                FROM ws2_outbox WHERE published_at IS NULL ORDER BY id LIMIT :limit""")
                .param("limit", limit)
                .query((rs, row) -> new PendingEvent(rs.getLong("id"), rs.getString("event_id"),
                        rs.getString("topic"), rs.getString("message_key"), rs.getString("payload"),
                        rs.getString("internal_topic"), rs.getString("internal_payload"),
                        rs.getString("traceparent") == null ? null
                                : new OutboxTracing.StoredContext(rs.getString("traceparent"),
                                        rs.getString("tracestate"))))
                .list();
    }

    /** Marks the rows with these ids published. */
    void markSent(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql("UPDATE ws2_outbox SET published_at = now() WHERE id IN (:ids)").param("ids", ids).update();
    }

    /** Moves the row to {@code ws2_outbox_parked} with the reason Kafka refused it. */
    void park(long id, String reason) {
        jdbc.sql("""
                INSERT INTO ws2_outbox_parked (id, event_id, topic, message_key, payload, internal_topic,
                                               internal_payload, created_at, reason, traceparent, tracestate)
                SELECT id, event_id, topic, message_key, payload, internal_topic, internal_payload, created_at,
                       :reason, traceparent, tracestate
                FROM ws2_outbox WHERE id = :id
                ON CONFLICT (id) DO NOTHING""")
                .param("id", id).param("reason", reason).update();
        jdbc.sql("DELETE FROM ws2_outbox WHERE id = :id").param("id", id).update();
    }

    /** The age of the oldest unpublished row and how many rows are parked (two index look-ups). */
    OutboxState state() {
        return jdbc.sql("""
                SELECT (SELECT created_at FROM ws2_outbox WHERE published_at IS NULL ORDER BY id LIMIT 1) AS oldest,
                       (SELECT count(*) FROM ws2_outbox_parked) AS parked""")
                .query((rs, row) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    Duration lag = oldest == null ? Duration.ZERO
                            : Duration.between(oldest.toInstant(), Instant.now());
                    return new OutboxState(lag.isNegative() ? Duration.ZERO : lag, rs.getLong("parked"));
                })
                .single();
    }

    /** Removes rows published longer than {@code retention} ago; returns how many. */
    int purgePublished(Duration retention) {
        return jdbc.sql("DELETE FROM ws2_outbox WHERE published_at < :before")
                .param("before", Timestamp.from(Instant.now().minus(retention)))
                .update();
    }

    /**
     * @param internalTopic   the topic of the event's internal twin, or null when it goes to {@code topic} only
     * @param internalPayload the whole event, for {@code internalTopic}; null with it
     * @param trace           the trace context the event was written in, or null
     */
    record PendingEvent(long id, String eventId, String topic, String messageKey, String payload,
            String internalTopic, String internalPayload, OutboxTracing.StoredContext trace) {

        /** What the relay sends for this row, in order: the topic's copy, then the internal twin's. */
        List<Copy> copies() {
            return internalTopic == null ? List.of(new Copy(topic, payload))
                    : List.of(new Copy(topic, payload), new Copy(internalTopic, internalPayload));
        }
    }

    /** One record the relay sends for a row. */
    record Copy(String topic, String payload) {
    }
}
