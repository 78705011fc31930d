package org.ws2.notifications.subscription;

import java.util.List;

/**
 * What a subscription can filter an event on.
 *
 * @param recommendationIds the recommendations it concerns (one, or several for an engagement)
 * @param groupIds          the groups it concerns
 * @param topic             the WS2 topic of its recommendation, e.g. "Diversity", or null
 * @param engagementKind    for an engagement, its kind (e.g. WEBINAR), or null
 */
public record EventFacts(String eventType, List<String> recommendationIds, List<String> groupIds, String topic,
        String engagementKind) {
}
