package org.ws2.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.notifications.subscription.Subscription.Cadence;
import org.ws2.notifications.subscription.Subscription.Channel;
import org.ws2.notifications.subscription.Subscription.SubscriptionKind;
import org.ws2.testsupport.ServiceIntegrationTest;

/**
 * Events are matched to subscriptions by one query on the filters' GIN indexes (issue 22 item 6),
 * with the rule that held when every subscription was read and matched in Java.
 */
@ServiceIntegrationTest
class SubscriptionMatchingIT {

    private static final List<String> NONE = List.of();

    @Autowired
    Subscriptions subscriptions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theQueryAnswersAsTheRuleMatchedInJavaDid() {
        List<SubscriptionFilters> filters = List.of(
                filters(NONE, NONE, NONE, NONE, NONE),
                filters(List.of("ALAC"), NONE, NONE, NONE, NONE),
                filters(List.of("ALAC", "GAC"), NONE, NONE, NONE, NONE),
                filters(NONE, List.of("1.1"), NONE, NONE, NONE),
                filters(NONE, List.of("1.1", "2.2"), List.of("Diversity"), NONE, NONE),
                filters(NONE, NONE, List.of("Diversity"), NONE, NONE),
                filters(NONE, NONE, NONE, List.of("org.ws2.recommendation.status-changed.v1"), NONE),
                filters(NONE, NONE, NONE, NONE, List.of("WEBINAR")),
                filters(List.of("GAC"), List.of("1.1"), List.of("Transparency"), List.of("a", "b"), List.of("WEBINAR")),
                filters(List.of("ALAC"), List.of("2.2"), NONE, List.of("org.ws2.recommendation.status-changed.v1"),
                        NONE));
        Map<UUID, SubscriptionFilters> stored = filters.stream()
                .collect(Collectors.toMap(f -> insert(f, true), f -> f));
        UUID paused = insert(filters(NONE, NONE, NONE, NONE, NONE), false);

        List<EventFacts> events = List.of(
                new EventFacts("org.ws2.recommendation.status-changed.v1", List.of("1.1"), NONE, "Diversity", null),
                new EventFacts("org.ws2.recommendation.status-changed.v1", List.of("2.2"), NONE, null, null),
                new EventFacts("org.ws2.assignment.triaged.v1", List.of("1.1"), List.of("ALAC"), "Diversity", null),
                new EventFacts("org.ws2.assignment.triaged.v1", List.of("3.3"), List.of("GAC", "ALAC"), null, null),
                new EventFacts("b", List.of("1.1", "2.2"), List.of("GAC"), "Transparency", "WEBINAR"),
                new EventFacts("org.ws2.engagement.recorded.v1", NONE, NONE, null, "WEBINAR"),
                new EventFacts("org.ws2.engagement.recorded.v1", List.of("2.2"), List.of("ALAC"), null, "MEETING"),
                new EventFacts("other", NONE, NONE, null, null));
        for (EventFacts event : events) {
            Set<UUID> expected = stored.entrySet().stream().filter(s -> ruleMatchedInJava(s.getValue(), event))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            Set<UUID> found = subscriptions.matching(event).stream().map(Subscription::id)
                    .filter(id -> stored.containsKey(id) || id.equals(paused)).collect(Collectors.toSet());
            assertThat(found).as(event.toString()).isEqualTo(expected);
        }
    }

    /**
     * Whatever the table's size, PostgreSQL can answer the match from the GIN indexes alone: with
     * sequential and plain index scans ruled out, only the bitmap scans of those indexes are left,
     * and a plan that still reads the table whole means the query cannot use them.
     */
    @Test
    void theMatchIsAnIndexLookupNotAReadOfEverySubscription() {
        insert(filters(List.of("ALAC"), NONE, NONE, NONE, NONE), true);
        insert(filters(NONE, List.of("1.1"), NONE, NONE, NONE), true);
        jdbc.sql("ANALYZE subscription").update();
        EventFacts event = new EventFacts("org.ws2.recommendation.status-changed.v1", List.of("1.1"), List.of("ALAC"),
                "Diversity", null);

        String plan = transactions.execute(status -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            jdbc.sql("SET LOCAL enable_indexscan = off").update();
            return String.join("\n", Subscriptions.bindFacts(jdbc.sql("EXPLAIN " + Subscriptions.MATCHING), event)
                    .query(String.class).list());
        });

        assertThat(plan).contains("Bitmap Index Scan on subscription_")
                .doesNotContain("Seq Scan on subscription");
    }

    /** The rule as Subscription.matches had it when every enabled subscription was loaded. */
    private static boolean ruleMatchedInJava(SubscriptionFilters f, EventFacts facts) {
        return matches(f.eventTypes(), List.of(facts.eventType()))
                && matches(f.recommendationIds(), facts.recommendationIds())
                && matches(f.groupIds(), facts.groupIds())
                && matches(f.topics(), facts.topic() == null ? List.of() : List.of(facts.topic()))
                && matches(f.engagementKinds(), facts.engagementKind() == null ? List.of() : List.of(facts.engagementKind()));
    }

    private static boolean matches(List<String> filter, Collection<String> values) {
        return filter.isEmpty() || values.stream().anyMatch(filter::contains);
    }

    private UUID insert(SubscriptionFilters filters, boolean enabled) {
        UUID id = transactions.execute(status -> subscriptions.insert(new Subscription(null,
                "matcher-" + UUID.randomUUID(), SubscriptionKind.PERSON, List.of(Channel.INBOX), Cadence.IMMEDIATE,
                null, false, filters, null, null, true, null, 0, null, null)));
        if (!enabled) {
            jdbc.sql("UPDATE subscription SET enabled = false WHERE id = :id").param("id", id).update();
        }
        return id;
    }

    private static SubscriptionFilters filters(List<String> groupIds, List<String> recommendationIds,
            List<String> topics, List<String> eventTypes, List<String> engagementKinds) {
        return new SubscriptionFilters(groupIds, recommendationIds, topics, eventTypes,
                engagementKinds);
    }
}
