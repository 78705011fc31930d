package org.ws2.notifications.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * What someone follows and how it reaches them.
 *
 * @param email          where EMAIL goes (PERSON only)
 * @param emailConfirmed whether {@code email} may be mailed: it is the owner's own (their token's
 *                       {@code email} claim) or it confirmed through the link it was sent; false
 *                       without an email
 * @param filters        what it follows; its lists are members of the subscription's JSON
 * @param url            where a WEBHOOK posts
 * @param secret         the webhook's signing secret ({@code whsec_...}): shown only in the answer that created it
 */
public record Subscription(
        UUID id,
        String owner,
        SubscriptionKind kind,
        List<Channel> channels,
        Cadence cadence,
        String email,
        boolean emailConfirmed,
        @JsonUnwrapped SubscriptionFilters filters,
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

    public boolean wants(Channel channel) {
        return channels.contains(channel);
    }

    /** Whether events may be emailed to it: an unconfirmed address gets nothing but its confirmation. */
    public boolean mayEmail() {
        return wants(Channel.EMAIL) && emailConfirmed;
    }

    Subscription withoutSecret() {
        return new Subscription(id, owner, kind, channels, cadence, email, emailConfirmed, filters, url, null,
                enabled, disabledReason, version, createdAt, updatedAt);
    }
}
