package org.ws2.notifications.subscription;

import java.util.List;

import org.ws2.notifications.subscription.Subscription.Cadence;
import org.ws2.notifications.subscription.Subscription.Channel;
import org.ws2.notifications.subscription.Subscription.SubscriptionKind;

/**
 * A subscription as a client sends it. Omitted lists mean "no filter".
 *
 * @param kind    PERSON (default) or WEBHOOK (admins only)
 * @param email   for EMAIL: where to send; defaults to the token's {@code email} claim
 * @param enabled on PUT, false pauses the subscription and true re-enables a webhook that was disabled
 */
record SubscriptionRequest(
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
        Boolean enabled) {
}
