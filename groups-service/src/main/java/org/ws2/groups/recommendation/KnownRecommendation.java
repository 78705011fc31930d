package org.ws2.groups.recommendation;

/**
 * What this service knows of a recommendation, from its events: enough to assign it, select it by
 * topic or id prefix, and show it next to a group's assignments.
 */
public record KnownRecommendation(String id, String topicPrefix, String topic, String title, String status,
        String coordination, boolean retired, long version) {
}
