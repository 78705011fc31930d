package org.ws2.notifications.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.notifications.email.Emails;

/**
 * Whether an email address agreed to a person's subscriptions. Anyone signed in may name any address,
 * so an address that is not the person's own (their token's {@code email} claim) is sent one email,
 * a link to confirm, and nothing else until it does. The link carries a random token of which only
 * the SHA-256 is kept; an address is sent at most one confirmation per
 * {@code ws2.subscriptions.confirmation-pause}, whoever asks, so asking cannot flood it either. Like every
 * email, the confirmation carries a one-click unsubscribe (RFC 8058, {@link Unsubscribes}): the address declines,
 * and that person's saves ask it nothing again.
 */
@Repository
@RequiredArgsConstructor
class EmailConfirmations {

    /** The page (web module) that posts the token back to {@code POST /api/subscriptions/confirmations}. */
    static final String CONFIRM_PAGE = "/subscriptions/confirm?token=";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Emails emails;
    private final SubscriptionProperties properties;
    private final Unsubscribes unsubscribes;

    /**
     * Records that {@code owner} wants {@code address} mailed: confirmed at once if it is
     * {@code ownAddress}, else, unless it confirmed or declined before, a confirmation is queued if the
     * address has not been sent one lately.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void request(String owner, String address, String ownAddress) {
        if (ownAddress != null && address.equalsIgnoreCase(ownAddress)) {
            jdbc.sql("""
                    INSERT INTO email_consent (owner, address, confirmed_at) VALUES (:owner, lower(:address), now())
                    ON CONFLICT (owner, address) DO UPDATE SET confirmed_at = coalesce(email_consent.confirmed_at, now()),
                        declined_at = NULL""")
                    .param("owner", owner).param("address", address).update();
            return;
        }
        jdbc.sql("""
                INSERT INTO email_consent (owner, address) VALUES (:owner, lower(:address))
                ON CONFLICT (owner, address) DO NOTHING""")
                .param("owner", owner).param("address", address).update();
        // an address that declined this owner's email (its confirmation's unsubscribe) is not asked again
        boolean settled = jdbc.sql("""
                SELECT confirmed_at IS NOT NULL OR declined_at IS NOT NULL FROM email_consent
                WHERE owner = :owner AND address = lower(:address) FOR UPDATE""")
                .param("owner", owner).param("address", address).query(Boolean.class).single();
        if (settled || !mayAsk(address)) {
            return;
        }
        String token = newToken();
        String hash = hash(token);
        jdbc.sql("""
                UPDATE email_consent SET token_hash = :hash, token_expires_at = now() + CAST(:validFor AS INTERVAL)
                WHERE owner = :owner AND address = lower(:address)""")
                .param("hash", hash).param("validFor", properties.confirmationValidFor().toSeconds() + " seconds")
                .param("owner", owner).param("address", address).update();
        emails.enqueue("confirm:" + hash, address, "[WS2] Confirm that you want tracker notifications",
                List.of("Someone signed in to the WS2 Implementation Tracker asked for its notifications to be "
                        + "emailed to this address.",
                        "Nothing more will be sent to it unless you confirm, using the link below within "
                                + properties.confirmationValidFor().toDays() + " days.",
                        "If you did not expect this email, ignore it, or unsubscribe below: this address is then "
                                + "asked nothing more on that person's behalf."),
                CONFIRM_PAGE + token, unsubscribes.tokenForConfirmation(owner, address));
    }

    /**
     * Confirms the address a token was sent to; empty if no valid token is known. A token confirmed
     * before confirms again (a second click, a reload), even once it has expired.
     */
    @Transactional
    Optional<String> confirm(String token) {
        return jdbc.sql("""
                UPDATE email_consent SET confirmed_at = coalesce(confirmed_at, now())
                WHERE token_hash = :hash AND (confirmed_at IS NOT NULL OR token_expires_at > now())
                RETURNING address""")
                .param("hash", hash(token)).query(String.class).optional();
    }

    /** Takes the address's one confirmation of the pause, atomically: false if one went out within it. */
    private boolean mayAsk(String address) {
        return jdbc.sql("""
                INSERT INTO confirmation_sent (address, sent_at) VALUES (lower(:address), now())
                ON CONFLICT (address) DO UPDATE SET sent_at = now()
                WHERE confirmation_sent.sent_at <= now() - CAST(:pause AS INTERVAL)""")
                .param("address", address).param("pause", properties.confirmationPause().toSeconds() + " seconds")
                .update() == 1;
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
