package org.ws2.notifications.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Webhook messages, one per (subscription, event), and every attempt to deliver them. */
@Repository
@RequiredArgsConstructor
public class WebhookDeliveryLog {

    private final JdbcClient jdbc;

    /** Queues the event for the subscription, once: a redelivered event finds its message already there. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(UUID subscriptionId, String eventId, String eventType, String body) {
        jdbc.sql("""
                INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, body, next_attempt_at)
                VALUES (:id, :subscriptionId, :eventId, :eventType, :body, now())
                ON CONFLICT (subscription_id, event_id) DO NOTHING""")
                .param("id", "msg_" + UUID.randomUUID().toString().replace("-", ""))
                .param("subscriptionId", subscriptionId)
                .param("eventId", eventId)
                .param("eventType", eventType)
                .param("body", body)
                .update();
    }

    /**
     * Takes up to {@code limit} due messages of enabled subscriptions and pushes their next attempt
     * {@code lease} ahead, so that another replica does not send them meanwhile, and a replica that
     * dies mid-send leaves them to be sent again once the lease has passed.
     */
    @Transactional
    List<Due> claim(int limit, java.time.Duration lease) {
        return jdbc.sql("""
                UPDATE webhook_delivery d SET next_attempt_at = now() + CAST(:lease AS INTERVAL)
                FROM subscription s
                WHERE d.subscription_id = s.id AND d.id IN (
                    SELECT d2.id FROM webhook_delivery d2 JOIN subscription s2 ON s2.id = d2.subscription_id
                    WHERE d2.next_attempt_at <= now() AND s2.enabled
                    ORDER BY d2.next_attempt_at LIMIT :limit FOR UPDATE OF d2 SKIP LOCKED)
                RETURNING d.id, d.subscription_id, d.body, d.attempts, s.url, s.secret, s.owner""")
                .param("lease", lease.toMillis() + " milliseconds")
                .param("limit", limit)
                .query((rs, row) -> new Due(rs.getString("id"), rs.getObject("subscription_id", UUID.class),
                        rs.getString("body"), rs.getInt("attempts"), rs.getString("url"), rs.getString("secret"),
                        rs.getString("owner")))
                .list();
    }

    /** Records one attempt; {@code nextAttempt} null with no success means the message is given up. */
    @Transactional
    void recordAttempt(String deliveryId, int attempt, Integer status, String error, boolean delivered,
            Instant nextAttempt) {
        jdbc.sql("""
                INSERT INTO webhook_attempt (delivery_id, attempt, at, status, error)
                VALUES (:id, :attempt, now(), :status, :error) ON CONFLICT DO NOTHING""")
                .param("id", deliveryId).param("attempt", attempt).param("status", status).param("error", error)
                .update();
        jdbc.sql("""
                UPDATE webhook_delivery SET attempts = :attempt, last_status = :status, last_error = :error,
                       delivered_at = CASE WHEN :delivered THEN now() END,
                       abandoned_at = CASE WHEN NOT :delivered AND CAST(:next AS TIMESTAMPTZ) IS NULL THEN now() END,
                       next_attempt_at = :next
                WHERE id = :id""")
                .param("id", deliveryId).param("attempt", attempt).param("status", status).param("error", error)
                .param("delivered", delivered)
                .param("next", nextAttempt == null ? null : Timestamp.from(nextAttempt))
                .update();
    }

    /**
     * Stops a webhook that could not be delivered to; its owner re-enables it with a PUT. Written here
     * rather than through the subscription feature, which itself reads this log: no cycle between the two.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean disableSubscription(UUID id, String reason) {
        return jdbc.sql("""
                UPDATE subscription SET enabled = false, disabled_reason = :reason, version = version + 1,
                       updated_at = now()
                WHERE id = :id AND enabled""")
                .param("id", id).param("reason", reason).update() == 1;
    }

    public List<Delivery> of(UUID subscriptionId) {
        List<Delivery> deliveries = jdbc.sql("""
                SELECT id, event_id, event_type, attempts, next_attempt_at, delivered_at, abandoned_at, last_status,
                       last_error, created_at
                FROM webhook_delivery WHERE subscription_id = :id ORDER BY created_at DESC, id LIMIT 200""")
                .param("id", subscriptionId)
                .query((rs, row) -> new Delivery(rs.getString("id"), rs.getString("event_id"),
                        rs.getString("event_type"), state(rs), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                        instant(rs, "delivered_at"), rs.getObject("last_status", Integer.class),
                        rs.getString("last_error"), instant(rs, "created_at"), List.of()))
                .list();
        return deliveries.stream().map(d -> d.withAttempts(attempts(d.id()))).toList();
    }

    private List<Attempt> attempts(String deliveryId) {
        return jdbc.sql("SELECT attempt, at, status, error FROM webhook_attempt WHERE delivery_id = :id ORDER BY attempt")
                .param("id", deliveryId)
                .query((rs, row) -> new Attempt(rs.getInt("attempt"), instant(rs, "at"),
                        rs.getObject("status", Integer.class), rs.getString("error")))
                .list();
    }

    private static String state(ResultSet rs) throws SQLException {
        if (rs.getObject("delivered_at") != null) {
            return "DELIVERED";
        }
        return rs.getObject("abandoned_at") != null ? "ABANDONED" : "PENDING";
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    record Due(String id, UUID subscriptionId, String body, int attempts, String url, String secret, String owner) {
    }

    /**
     * @param id     the {@code webhook-id} every attempt carried
     * @param state  PENDING, DELIVERED or ABANDONED (given up after the last retry)
     */
    public record Delivery(String id, String eventId, String eventType, String state, int attempts,
            Instant nextAttemptAt, Instant deliveredAt, Integer lastStatus, String lastError, Instant createdAt,
            List<Attempt> attemptLog) {

        Delivery withAttempts(List<Attempt> log) {
            return new Delivery(id, eventId, eventType, state, attempts, nextAttemptAt, deliveredAt, lastStatus,
                    lastError, createdAt, log);
        }
    }

    /** @param status the receiver's HTTP status, or null when it could not be reached */
    public record Attempt(int attempt, Instant at, Integer status, String error) {
    }
}
