package org.ws2.notifications.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;
import org.ws2.notifications.subscription.Subscription.Cadence;
import org.ws2.notifications.subscription.Subscription.Channel;
import org.ws2.notifications.subscription.Subscription.SubscriptionKind;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The stored subscriptions. Lists are kept as JSON arrays. */
@Repository
public class Subscriptions {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Subscriptions(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every enabled subscription. There are few (one or a handful per person), so matching happens in Java. */
    public List<Subscription> enabled() {
        return jdbc.sql("SELECT * FROM subscription WHERE enabled").query(this::subscription).list();
    }

    public Optional<Subscription> find(UUID id) {
        return jdbc.sql("SELECT * FROM subscription WHERE id = :id").param("id", id).query(this::subscription)
                .optional();
    }

    List<Subscription> ownedBy(String owner) {
        return jdbc.sql("SELECT * FROM subscription WHERE owner = :owner ORDER BY created_at, id")
                .param("owner", owner).query(this::subscription).list().stream()
                .map(Subscription::withoutSecret).toList();
    }

    Subscription insert(Subscription s) {
        StatementSpec insert = jdbc.sql("""
                INSERT INTO subscription (owner, kind, channels, cadence, email, group_ids, recommendation_ids, topics,
                                          event_types, engagement_kinds, url, secret)
                VALUES (:owner, :kind, CAST(:channels AS JSONB), :cadence, :email, CAST(:groupIds AS JSONB),
                        CAST(:recommendationIds AS JSONB), CAST(:topics AS JSONB), CAST(:eventTypes AS JSONB),
                        CAST(:engagementKinds AS JSONB), :url, :secret)
                RETURNING id""");
        UUID id = choices(insert, s)
                .param("owner", s.owner())
                .param("kind", s.kind().name())
                .param("secret", s.secret())
                .query(UUID.class).single();
        return find(id).orElseThrow();
    }

    /** Replaces what the owner may change if the version is {@code expected}; false otherwise. */
    boolean replace(UUID id, long expected, Subscription s) {
        StatementSpec update = jdbc.sql("""
                UPDATE subscription SET channels = CAST(:channels AS JSONB), cadence = :cadence, email = :email,
                       group_ids = CAST(:groupIds AS JSONB), recommendation_ids = CAST(:recommendationIds AS JSONB),
                       topics = CAST(:topics AS JSONB), event_types = CAST(:eventTypes AS JSONB),
                       engagement_kinds = CAST(:engagementKinds AS JSONB), url = :url, enabled = :enabled,
                       disabled_reason = CASE WHEN :enabled THEN NULL ELSE disabled_reason END,
                       version = version + 1, updated_at = now()
                WHERE id = :id AND version = :expected""");
        return choices(update, s)
                .param("id", id)
                .param("expected", expected)
                .param("enabled", s.enabled())
                .update() == 1;
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM subscription WHERE id = :id").param("id", id).update() == 1;
    }

    /** Binds what the owner chooses (channels, cadence, where it goes, the filters): an insert and a replace alike. */
    private StatementSpec choices(StatementSpec statement, Subscription s) {
        return statement
                .param("channels", json.writeValueAsString(s.channels()))
                .param("cadence", s.cadence().name())
                .param("email", s.email())
                .param("groupIds", json.writeValueAsString(s.groupIds()))
                .param("recommendationIds", json.writeValueAsString(s.recommendationIds()))
                .param("topics", json.writeValueAsString(s.topics()))
                .param("eventTypes", json.writeValueAsString(s.eventTypes()))
                .param("engagementKinds", json.writeValueAsString(s.engagementKinds()))
                .param("url", s.url());
    }

    private Subscription subscription(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("owner"),
                SubscriptionKind.valueOf(rs.getString("kind")),
                strings(rs, "channels").stream().map(Channel::valueOf).toList(),
                Cadence.valueOf(rs.getString("cadence")), rs.getString("email"), strings(rs, "group_ids"),
                strings(rs, "recommendation_ids"), strings(rs, "topics"), strings(rs, "event_types"),
                strings(rs, "engagement_kinds"), rs.getString("url"), rs.getString("secret"),
                rs.getBoolean("enabled"), rs.getString("disabled_reason"), rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private List<String> strings(ResultSet rs, String column) throws SQLException {
        return json.readValue(rs.getString(column), STRINGS);
    }
}
