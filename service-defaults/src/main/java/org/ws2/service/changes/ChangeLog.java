package org.ws2.service.changes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.EventCodec;
import org.ws2.contracts.EventFamily;
import org.ws2.contracts.PublicData;
import org.ws2.contracts.Ws2Event;
import org.ws2.service.outbox.Outbox;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.versioning.ChangeTime;
import org.ws2.service.versioning.Versions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one path every change of every service takes: lock the aggregate, check the version the caller
 * read, apply the change to the aggregate's own table, then {@link #record} it here: its history entry
 * (the snapshot) and its typed event, appended to the outbox, in the same transaction: one row with its
 * public copy for the family's public topic and the full event for the internal one. So a change, its
 * history and its events all exist or none does.
 */
public class ChangeLog {

    private static final Logger log = LoggerFactory.getLogger(ChangeLog.class);

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final EventCodec codec;
    private final JsonMapper json;

    public ChangeLog(JdbcClient jdbc, Outbox outbox, EventCodec codec, JsonMapper json) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.codec = codec;
        this.json = json;
    }

    /**
     * The aggregate read with a row lock, checked against the version the caller read.
     *
     * @param locked          the aggregate read {@code FOR UPDATE}, or empty if there is none
     * @param expectedVersion the version from {@code If-Match}, or null when the caller sent none
     */
    public <A extends Versioned> A lock(Optional<A> locked, Long expectedVersion, Supplier<ApiProblem> notFound) {
        A current = locked.orElseThrow(notFound);
        Versions.check(expectedVersion, current.version());
        return current;
    }

    /**
     * When a change takes effect: now, or the earlier instant a person entering past facts gives. Never in
     * the future, and never before the aggregate's last change, so that its history stays in order.
     *
     * @param requested     the {@code effectiveAt} of the request, or null for now
     * @param lastEffective when the aggregate's last change took effect, or null for a new aggregate
     */
    public static Instant effectiveTime(Instant requested, Instant lastEffective) {
        Instant now = ChangeTime.now();
        if (requested == null) {
            return lastEffective != null && lastEffective.isAfter(now) ? lastEffective : now;
        }
        Instant at = requested.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (at.isAfter(now)) {
            throw ApiProblem.invalidInput("effectiveAt", "effectiveAt " + requested + " is in the future.");
        }
        if (lastEffective != null && at.isBefore(lastEffective)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "effective-time-out-of-order",
                    "Effective time before the last change",
                    "effectiveAt " + requested + " is before the last recorded change (" + lastEffective
                            + "); enter past changes in the order they happened.")
                    .with("field", "effectiveAt").with("lastEffectiveAt", lastEffective.toString());
        }
        return at;
    }

    /** Records {@code event}'s change under its own name, e.g. {@code status-changed}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <E extends Ws2Event> E record(E event, String actor, String note) {
        return record(event, event.name(), actor, note);
    }

    /**
     * Records the change that {@code event} describes: its history entry, named {@code kind}, and the
     * event itself in the outbox.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <E extends Ws2Event> E record(E event, String kind, String actor, String note) {
        EventFamily family = EventFamily.of(event);
        Instant recordedAt = ChangeTime.now();
        CloudEvent envelope = codec.toCloudEvent(event, recordedAt);
        jdbc.sql("""
                INSERT INTO ws2_change (aggregate_type, aggregate_id, version, kind, actor, note, effective_at,
                    recorded_at, event_id, event_type, snapshot)
                VALUES (:type, :id, :version, :kind, :actor, :note, :effectiveAt, :recordedAt, :eventId, :eventType,
                    CAST(:snapshot AS jsonb))""")
                .param("type", family.aggregate())
                .param("id", event.aggregateId())
                .param("version", event.aggregateVersion())
                .param("kind", kind)
                .param("actor", actor)
                .param("note", note)
                .param("effectiveAt", Timestamp.from(event.effectiveAt()))
                .param("recordedAt", Timestamp.from(recordedAt))
                .param("eventId", envelope.id())
                .param("eventType", envelope.type())
                .param("snapshot", json.writeValueAsString(event.snapshot()))
                .update();
        // The public topic gets published data only; this system's own consumers that need the rest
        // (notifications: contacts' addresses, who did what) read the internal twin. Same id on both,
        // one outbox row for both (ADR 0034).
        outbox.append(family.topic(), PublicData.publicCopy(envelope), family.internalTopic(), envelope);
        log.info("{} {} {} by {} (version {})", family.aggregate(), event.aggregateId(), kind, actor,
                event.aggregateVersion());
        return event;
    }

    /** Every change of one aggregate, oldest first. */
    public List<ChangeEntry> history(EventFamily family, String aggregateId) {
        return jdbc.sql("""
                SELECT version, kind, actor, note, effective_at, recorded_at, event_type, snapshot::text AS snapshot
                FROM ws2_change WHERE aggregate_type = :type AND aggregate_id = :id ORDER BY version""")
                .param("type", family.aggregate())
                .param("id", aggregateId)
                .query((rs, row) -> new ChangeEntry(rs.getLong("version"), rs.getString("kind"),
                        rs.getString("actor"), rs.getString("note"), rs.getTimestamp("effective_at").toInstant(),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("event_type"),
                        json.readTree(rs.getString("snapshot"))))
                .list();
    }

    /** The aggregate's public state as it stood at {@code instant}, by effective time. */
    public <S> Optional<S> asOf(EventFamily family, String aggregateId, Instant instant, Class<S> snapshotType) {
        return jdbc.sql("""
                SELECT snapshot::text FROM ws2_change
                WHERE aggregate_type = :type AND aggregate_id = :id AND effective_at <= :at
                ORDER BY version DESC LIMIT 1""")
                .param("type", family.aggregate())
                .param("id", aggregateId)
                .param("at", Timestamp.from(instant))
                .query(String.class).optional().map(snapshot -> read(snapshot, snapshotType));
    }

    /** Every aggregate of the family as it stood at {@code instant}: each one's last version by then. */
    public <S> List<S> allAsOf(EventFamily family, Instant instant, Class<S> snapshotType) {
        return jdbc.sql("""
                SELECT DISTINCT ON (aggregate_id) snapshot::text FROM ws2_change
                WHERE aggregate_type = :type AND effective_at <= :at
                ORDER BY aggregate_id, version DESC""")
                .param("type", family.aggregate())
                .param("at", Timestamp.from(instant))
                .query(String.class).list().stream().map(snapshot -> read(snapshot, snapshotType)).toList();
    }

    public <S> S read(JsonNode snapshot, Class<S> snapshotType) {
        return json.treeToValue(snapshot, snapshotType);
    }

    private <S> S read(String snapshot, Class<S> snapshotType) {
        return json.readValue(snapshot, snapshotType);
    }
}
