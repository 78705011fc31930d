package org.ws2.notifications.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What someone follows and how it reaches them. Each non-empty filter must match an event (a
 * filter matches when any of its values does); a subscription with no filters follows everything.
 *
 * @param email  where EMAIL goes (PERSON only)
 * @param url    where a WEBHOOK posts
 * @param secret the webhook's signing secret ({@code whsec_...}): shown only in the answer that created it
 */
public record Subscription(
        UUID id,
        String owner,
        SubscriptionKind kind,
        List<Channel> channels,
        Cadence cadence,
        String email,
        List<String> groupIds,
        List<String> recommendationIds,
        List<String> topics,
        List<String> eventTypes,
        List<String> engagementKinds,
        String url,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        boolean enabled,
        String disabledReason,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public enum SubscriptionKind {
        PERSON,
        WEBHOOK
    }

    public enum Channel {
        INBOX,
        EMAIL
    }

    /** How often email goes out; the inbox is always immediate. */
    public enum Cadence {
        IMMEDIATE,
        DAILY,
        WEEKLY
    }

    public boolean matches(EventFacts facts) {
        return enabled
                && matches(eventTypes, List.of(facts.eventType()))
                && matches(recommendationIds, facts.recommendationIds())
                && matches(groupIds, facts.groupIds())
                && matches(topics, facts.topic() == null ? List.of() : List.of(facts.topic()))
                && matches(engagementKinds, facts.engagementKind() == null ? List.of() : List.of(facts.engagementKind()));
    }

    public boolean wants(Channel channel) {
        return channels.contains(channel);
    }

    Subscription withoutSecret() {
        return new Subscription(id, owner, kind, channels, cadence, email, groupIds, recommendationIds, topics,
                eventTypes, engagementKinds, url, null, enabled, disabledReason, version, createdAt, updatedAt);
    }

    private static boolean matches(List<String> filter, Collection<String> values) {
        return filter.isEmpty() || values.stream().anyMatch(filter::contains);
    }
}
