package org.ws2.reporting.stream;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The public events in the order this service stored them; {@code seq} is the stream's event id. */
@Repository
@RequiredArgsConstructor
public class PublicEventStore {

    /** An arbitrary constant: the key of the advisory lock that serialises appends. */
    private static final long APPEND_LOCK = 0x5753_3253_5452_4dL;

    private final JdbcClient jdbc;

    public record StoredEvent(long seq, String eventId, String topic, String type, String subject, Instant time,
            Instant recordedAt, String json) {
    }

    /**
     * Serialises appends until the transaction ends (an advisory lock), so that sequence numbers become
     * visible in order even with several replicas: a reader that has seen seq n never later finds a smaller
     * one appear. Taken once per transaction, before its first {@link #append}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void lockAppends() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", APPEND_LOCK).query(Object.class).single();
    }

    /** Appends the event unless it is there already; the transaction holds {@link #lockAppends()}. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean append(String eventId, String topic, String type, String subject, Instant time, Instant recordedAt,
            String json) {
        return jdbc.sql("""
                INSERT INTO public_event (event_id, topic, type, subject, time, recorded_at, event)
                VALUES (:eventId, :topic, :type, :subject, :time, :recordedAt, :event)
                ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", eventId)
                .param("topic", topic)
                .param("type", type)
                .param("subject", subject)
                .param("time", OffsetDateTime.ofInstant(time, ZoneOffset.UTC))
                .param("recordedAt", OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC))
                .param("event", json)
                .update() == 1;
    }

    /** Up to {@code limit} events after {@code seq}, oldest first. */
    public List<StoredEvent> after(long seq, int limit) {
        return jdbc.sql("SELECT * FROM public_event WHERE seq > :seq ORDER BY seq LIMIT :limit")
                .param("seq", seq).param("limit", limit).query(PublicEventStore::row).list();
    }

    /** The seq just before the first event recorded at or after {@code since}: where a replay from then starts. */
    public long cursorBefore(Instant since) {
        return jdbc.sql("""
                SELECT coalesce(min(seq) - 1, (SELECT coalesce(max(seq), 0) FROM public_event))
                FROM public_event WHERE recorded_at >= :since""")
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).query(Long.class).single();
    }

    /** The latest seq, 0 when empty. */
    public long head() {
        return jdbc.sql("SELECT coalesce(max(seq), 0) FROM public_event").query(Long.class).single();
    }

    private static StoredEvent row(ResultSet rs, int n) throws SQLException {
        return new StoredEvent(rs.getLong("seq"), rs.getString("event_id"), rs.getString("topic"), rs.getString("type"),
                rs.getString("subject"), rs.getObject("time", OffsetDateTime.class).toInstant(),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("event"));
    }
}
