package org.ws2.notifications.schedule;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Sign-off requests a group has not answered yet. */
@Repository
@RequiredArgsConstructor
public class PendingSignOffs {

    private final JdbcClient jdbc;

    /** A new request (or a repeated one) starts the wait again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requested(String groupId, String recommendationId, String title, Instant at, String by) {
        jdbc.sql("""
                INSERT INTO pending_sign_off (assignment_id, group_id, recommendation_id, recommendation_title,
                                              requested_at, requested_by)
                VALUES (:id, :groupId, :recommendationId, :title, :at, :by)
                ON CONFLICT (assignment_id) DO UPDATE SET requested_at = EXCLUDED.requested_at,
                    requested_by = EXCLUDED.requested_by, recommendation_title = EXCLUDED.recommendation_title,
                    reminded_at = NULL""")
                .param("id", groupId + ":" + recommendationId).param("groupId", groupId)
                .param("recommendationId", recommendationId).param("title", title).param("at", Timestamp.from(at))
                .param("by", by).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void answered(String groupId, String recommendationId) {
        jdbc.sql("DELETE FROM pending_sign_off WHERE assignment_id = :id")
                .param("id", groupId + ":" + recommendationId).update();
    }

    /** Requests older than {@code after} not reminded yet, locked for this transaction only. */
    @Transactional(propagation = Propagation.MANDATORY)
    List<Pending> dueForReminder(Duration after, int limit) {
        return jdbc.sql("""
                SELECT * FROM pending_sign_off
                WHERE reminded_at IS NULL AND requested_at <= now() - CAST(:after AS INTERVAL)
                ORDER BY requested_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("after", after.toMillis() + " milliseconds").param("limit", limit)
                .query(PendingSignOffs::pending).list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void reminded(String assignmentId) {
        jdbc.sql("UPDATE pending_sign_off SET reminded_at = now() WHERE assignment_id = :id")
                .param("id", assignmentId).update();
    }

    /** Requests unanswered for longer than {@code after}, oldest first. */
    List<Pending> overdue(Duration after) {
        return jdbc.sql("""
                SELECT * FROM pending_sign_off WHERE requested_at <= now() - CAST(:after AS INTERVAL)
                ORDER BY requested_at, assignment_id""")
                .param("after", after.toMillis() + " milliseconds").query(PendingSignOffs::pending).list();
    }

    private static Pending pending(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        OffsetDateTime reminded = rs.getObject("reminded_at", OffsetDateTime.class);
        return new Pending(rs.getString("assignment_id"), rs.getString("group_id"), rs.getString("recommendation_id"),
                rs.getString("recommendation_title"), rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                rs.getString("requested_by"), reminded == null ? null : reminded.toInstant());
    }

    /** One unanswered sign-off request. */
    public record Pending(String assignmentId, String groupId, String recommendationId, String recommendationTitle,
            Instant requestedAt, String requestedBy, Instant remindedAt) {
    }
}
