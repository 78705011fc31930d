package org.ws2.systemtests.support;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The end state of the event consumers, in their own databases: each event applied once. */
public final class ConsumerChecks {

    /** The consumers of groups-service and reporting-service, and the topic each reads. */
    public static final Map<String, String> CONSUMERS = Map.of(
            "reporting.recommendation-read-model", "ws2.recommendations.v1",
            "reporting.group-history", "ws2.groups.v1",
            "groups.known-recommendations", "ws2.recommendations.v1");

    private ConsumerChecks() {
    }

    /**
     * For each consumer: the load's events it recorded as processed are exactly the distinct events on its topic
     * (the primary key allows one row per event: none missing, none extra); its history holds exactly one row per
     * version; its read model is at the source's last version.
     */
    public static void eachEventIsAppliedOnceByEveryConsumer(SystemStack stack, LoadEvents events, Set<String> groupIds,
            Set<String> recommendationIds) throws SQLException {
        StackDatabase reporting = new StackDatabase(stack, "ws2_reporting");
        StackDatabase groups = new StackDatabase(stack, "ws2_groups");
        for (Map.Entry<String, String> consumer : new TreeMap<>(CONSUMERS).entrySet()) {
            StackDatabase database = consumer.getKey().startsWith("reporting.") ? reporting : groups;
            Set<String> expected = events.ids(consumer.getValue());
            Set<String> processed = new HashSet<>(database.strings(
                    "SELECT event_id FROM ws2_processed_event WHERE consumer = ? AND event_id = ANY (?)",
                    consumer.getKey(), expected.toArray(String[]::new)));
            assertThat(processed).as("events processed by %s vs the distinct events on %s", consumer.getKey(),
                    consumer.getValue()).isEqualTo(expected);
        }
        // the version tables' primary key (id, version) allows one row per version; these compare which rows exist
        assertThat(Set.copyOf(reporting.strings("SELECT id || '@' || version FROM recommendation_version WHERE id = ANY (?)",
                (Object) recommendationIds.toArray(String[]::new)))).as("reporting's recommendation history: one row per version")
                .isEqualTo(events.versions("ws2.recommendations.v1"));
        assertThat(Set.copyOf(reporting.strings("SELECT id || '@' || version FROM group_version WHERE id = ANY (?)",
                (Object) groupIds.toArray(String[]::new)))).as("reporting's group history: one row per version")
                .isEqualTo(events.versions("ws2.groups.v1"));
        Map<String, Long> latest = events.latest();
        Map<String, Long> sourceVersions = new TreeMap<>();
        recommendationIds.forEach(id -> sourceVersions.put(id, latest.get(id)));
        assertThat(reporting.versions("SELECT id, version FROM recommendation WHERE id = ANY (?)", recommendationIds))
                .as("reporting's read model at each recommendation's last version").isEqualTo(sourceVersions);
        assertThat(groups.versions("SELECT id, version FROM known_recommendation WHERE id = ANY (?)", recommendationIds))
                .as("groups-service's copy at each recommendation's last version").isEqualTo(sourceVersions);
    }
}
