package org.ws2.notifications.subscription;

import java.util.List;

import org.ws2.notifications.subscription.Subscription.Cadence;
import org.ws2.notifications.subscription.Subscription.Channel;
import org.ws2.notifications.subscription.Subscription.SubscriptionKind;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A subscription as a client sends it. Omitted lists mean "no filter".
 *
 * @param kind    PERSON (default) or WEBHOOK (admins only)
 * @param email   for EMAIL: where to send; defaults to the token's {@code email} claim
 * @param filters the filter lists, members of the request's JSON as on {@link Subscription}
 * @param enabled on PUT, false pauses the subscription and true re-enables a webhook that was disabled
 */
record SubscriptionRequest(
        SubscriptionKind kind,
        List<Channel> channels,
        Cadence cadence,
        String email,
        @JsonUnwrapped SubscriptionFilters filters,
        String url,
        Boolean enabled) {
}
