package org.ws2.notifications.subscription;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;
import org.ws2.notifications.subscription.Subscription.Cadence;
import org.ws2.notifications.subscription.Subscription.Channel;
import org.ws2.notifications.subscription.Subscription.SubscriptionKind;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored subscriptions. Filters are PostgreSQL text arrays with GIN indexes (V3); channels a
 * JSON array. Whether the email is confirmed comes from {@code email_consent} ({@link EmailConfirmations}).
 */
@Repository
@RequiredArgsConstructor
public class Subscriptions {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private static final String SELECT = """
            SELECT s.*, c.confirmed_at IS NOT NULL AS email_confirmed
            FROM subscription s LEFT JOIN email_consent c ON c.owner = s.owner AND c.address = lower(s.email)
            """;

    /**
     * The enabled subscriptions whose filters all match an event's facts: an empty filter, or one
     * sharing a value with the event (the old {@code Subscription.matches}). Each condition is one
     * that the filter's GIN index answers, so an event does not read every subscription.
     */
    static final String MATCHING = SELECT + """
            WHERE s.enabled
              AND (s.event_types = '{}' OR s.event_types && CAST(:eventTypes AS TEXT[]))
              AND (s.recommendation_ids = '{}' OR s.recommendation_ids && CAST(:recommendationIds AS TEXT[]))
              AND (s.group_ids = '{}' OR s.group_ids && CAST(:groupIds AS TEXT[]))
              AND (s.topics = '{}' OR s.topics && CAST(:topics AS TEXT[]))
              AND (s.engagement_kinds = '{}' OR s.engagement_kinds && CAST(:engagementKinds AS TEXT[]))
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    /** The enabled subscriptions an event concerns (see {@link #MATCHING}). */
    public List<Subscription> matching(EventFacts facts) {
        return bindFacts(jdbc.sql(MATCHING), facts).query(this::subscription).list();
    }

    /** Binds an event's facts as the parameters of {@link #MATCHING}. */
    static StatementSpec bindFacts(StatementSpec statement, EventFacts facts) {
        return statement
                .param("eventTypes", array(facts.eventType()))
                .param("recommendationIds", facts.recommendationIds().toArray(String[]::new))
                .param("groupIds", facts.groupIds().toArray(String[]::new))
                .param("topics", array(facts.topic()))
                .param("engagementKinds", array(facts.engagementKind()));
    }

    /**
     * How a person wants email, for what is addressed to them rather than followed (a comment on an
     * assignment they work on): their enabled subscription with email to a confirmed address, the most
     * frequent cadence first, then the oldest. Empty if they have none: the inbox only.
     */
    public Optional<Subscription> emailChoiceOf(String owner) {
        return jdbc.sql(SELECT + """
                WHERE s.owner = :owner AND s.kind = 'PERSON' AND s.enabled
                ORDER BY CASE s.cadence WHEN 'IMMEDIATE' THEN 0 WHEN 'DAILY' THEN 1 ELSE 2 END, s.created_at, s.id""")
                .param("owner", owner).query(this::subscription).list().stream()
                .filter(Subscription::mayEmail).findFirst();
    }

    public Optional<Subscription> find(UUID id) {
        return jdbc.sql(SELECT + "WHERE s.id = :id").param("id", id).query(this::subscription).optional();
    }

    List<Subscription> ownedBy(String owner) {
        return jdbc.sql(SELECT + "WHERE s.owner = :owner ORDER BY s.created_at, s.id")
                .param("owner", owner).query(this::subscription).list().stream()
                .map(Subscription::withoutSecret).toList();
    }

    /**
     * How many subscriptions of a person's own (not webhooks) there are, counted under a lock on the
     * owner held to the end of the transaction: two requests at once cannot both take the last place.
     */
    long lockAndCountPersonal(String owner) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('subscriptions-of:' || :owner, 0))")
                .param("owner", owner).query((rs, row) -> null).list();
        return jdbc.sql("SELECT count(*) FROM subscription WHERE owner = :owner AND kind = 'PERSON'")
                .param("owner", owner).query(Long.class).single();
    }

    UUID insert(Subscription s) {
        StatementSpec insert = jdbc.sql("""
                INSERT INTO subscription (owner, kind, channels, cadence, email, group_ids, recommendation_ids, topics,
                                          event_types, engagement_kinds, url, secret)
                VALUES (:owner, :kind, CAST(:channels AS JSONB), :cadence, :email, CAST(:groupIds AS TEXT[]),
                        CAST(:recommendationIds AS TEXT[]), CAST(:topics AS TEXT[]), CAST(:eventTypes AS TEXT[]),
                        CAST(:engagementKinds AS TEXT[]), :url, :secret)
                RETURNING id""");
        return choices(insert, s)
                .param("owner", s.owner())
                .param("kind", s.kind().name())
                .param("secret", s.secret())
                .query(UUID.class).single();
    }

    /** Replaces what the owner may change if the version is {@code expected}; false otherwise. */
    boolean replace(UUID id, long expected, Subscription s) {
        StatementSpec update = jdbc.sql("""
                UPDATE subscription SET channels = CAST(:channels AS JSONB), cadence = :cadence, email = :email,
                       group_ids = CAST(:groupIds AS TEXT[]), recommendation_ids = CAST(:recommendationIds AS TEXT[]),
                       topics = CAST(:topics AS TEXT[]), event_types = CAST(:eventTypes AS TEXT[]),
                       engagement_kinds = CAST(:engagementKinds AS TEXT[]), url = :url, enabled = :enabled,
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
        SubscriptionFilters filters = s.filters();
        return statement
                .param("channels", json.writeValueAsString(s.channels()))
                .param("cadence", s.cadence().name())
                .param("email", s.email())
                .param("groupIds", filters.groupIds().toArray(String[]::new))
                .param("recommendationIds", filters.recommendationIds().toArray(String[]::new))
                .param("topics", filters.topics().toArray(String[]::new))
                .param("eventTypes", filters.eventTypes().toArray(String[]::new))
                .param("engagementKinds", filters.engagementKinds().toArray(String[]::new))
                .param("url", s.url());
    }

    private Subscription subscription(ResultSet rs, int row) throws SQLException {
        SubscriptionFilters filters = new SubscriptionFilters(strings(rs, "group_ids"),
                strings(rs, "recommendation_ids"), strings(rs, "topics"), strings(rs, "event_types"),
                strings(rs, "engagement_kinds"));
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("owner"),
                SubscriptionKind.valueOf(rs.getString("kind")),
                json.readValue(rs.getString("channels"), STRINGS).stream().map(Channel::valueOf).toList(),
                Cadence.valueOf(rs.getString("cadence")), rs.getString("email"),
                rs.getString("email") != null && rs.getBoolean("email_confirmed"), filters, rs.getString("url"),
                rs.getString("secret"), rs.getBoolean("enabled"), rs.getString("disabled_reason"),
                rs.getLong("version"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return List.of((String[]) array.getArray());
    }

    private static String[] array(String value) {
        return value == null ? new String[0] : new String[] {value};
    }
}
