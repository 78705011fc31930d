package org.ws2.notifications.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The stored in-app notifications. */
@Repository
class Inbox {

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds a notification for {@code eventId} unless one exists: the processed-event record already
     * prevents that, but it may be purged one day, and the inbox must still never say a thing twice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void add(String eventId, String recommendationId, NotificationKind kind, String message, String actor) {
        jdbc.sql("""
                INSERT INTO notification (event_id, recommendation_id, kind, message, actor)
                VALUES (:eventId, :recommendationId, :kind, :message, :actor)
                ON CONFLICT (event_id) DO NOTHING""")
                .param("eventId", eventId)
                .param("recommendationId", recommendationId)
                .param("kind", kind.name())
                .param("message", message)
                .param("actor", actor)
                .update();
    }

    /** Newest first; {@code recommendationId} null means all. */
    List<Notification> newestFirst(String recommendationId, int page, int size) {
        // The casts let PostgreSQL type a parameter that is bound as null.
        return jdbc.sql("""
                SELECT id, recommendation_id, kind, message, actor, created_at FROM notification
                WHERE CAST(:recommendationId AS TEXT) IS NULL OR recommendation_id = :recommendationId
                ORDER BY created_at DESC, id DESC
                LIMIT :limit OFFSET :offset""")
                .param("recommendationId", recommendationId)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(Inbox::notification)
                .list();
    }

    long count(String recommendationId) {
        return jdbc.sql("""
                SELECT count(*) FROM notification
                WHERE CAST(:recommendationId AS TEXT) IS NULL OR recommendation_id = :recommendationId""")
                .param("recommendationId", recommendationId)
                .query(Long.class)
                .single();
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        return new Notification(rs.getObject("id", UUID.class), rs.getString("recommendation_id"),
                NotificationKind.valueOf(rs.getString("kind")), rs.getString("message"), rs.getString("actor"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
