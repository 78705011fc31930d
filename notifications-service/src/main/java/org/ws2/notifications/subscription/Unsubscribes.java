package org.ws2.notifications.subscription;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one-click unsubscribe of an email sent because of a subscription (RFC 8058). Its token is
 * {@code <subscription id>.<HMAC-SHA256 of the id>}: bound to one subscription, long-lived (it works as
 * long as the subscription exists, like the emails already in people's mailboxes), not guessable
 * without the key, and nothing per email is stored. The key is 32 random bytes made once, by whichever
 * replica first needs it, and kept in the service's database, so that every replica checks every
 * link and nobody has to configure a secret. Unsubscribing stops the subscription's email, nothing
 * else: its inbox notices go on (a subscription that had only email is paused).
 */
@Repository
public class Unsubscribes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PURPOSE = "ws2-unsubscribe:";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private volatile byte[] key;

    Unsubscribes(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // the key must be kept even if the event that first needed it rolls back: links made with it are out
        ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The token of the subscription's unsubscribe links. */
    public String tokenFor(UUID subscriptionId) {
        return subscriptionId + "." + mac(subscriptionId);
    }

    /**
     * Stops the email of the subscription the token names; empty if the token is not one this service
     * made or its subscription is gone. Unsubscribing twice is unsubscribing.
     */
    @Transactional
    Optional<UUID> unsubscribe(String token) {
        Optional<UUID> id = subscriptionOf(token);
        id.ifPresent(subscription -> {
            // What was collected for a digest goes too: it would otherwise arrive if email were turned on again.
            jdbc.sql("DELETE FROM digest_item WHERE subscription_id = :id AND digested_at IS NULL")
                    .param("id", subscription).update();
            jdbc.sql("""
                    UPDATE subscription SET
                           enabled = enabled AND channels @> '["INBOX"]',
                           disabled_reason = CASE WHEN channels @> '["INBOX"]' THEN disabled_reason
                                                  ELSE 'Unsubscribed from an email''s link' END,
                           channels = CASE WHEN channels @> '["INBOX"]' THEN '["INBOX"]' ELSE channels END,
                           version = version + 1, updated_at = now()
                    WHERE id = :id AND kind = 'PERSON' AND channels @> '["EMAIL"]'
                      AND (enabled OR channels @> '["INBOX"]')""")
                    .param("id", subscription).update();
        });
        return id;
    }

    private Optional<UUID> subscriptionOf(String token) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(token.substring(0, dot));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        // constant time: how much of a forged MAC matched must not show in how long the answer took
        boolean genuine = MessageDigest.isEqual(mac(id).getBytes(StandardCharsets.US_ASCII),
                token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
        if (!genuine) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM subscription WHERE id = :id AND kind = 'PERSON'").param("id", id)
                .query(UUID.class).optional();
    }

    private String mac(UUID subscriptionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal((PURPOSE + subscriptionId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }

    /** The key, made by the first replica to need it; two at once both read the one that was kept. */
    private byte[] key() {
        byte[] known = key;
        if (known == null) {
            byte[] candidate = new byte[32];
            RANDOM.nextBytes(candidate);
            known = ownTransaction.execute(status -> {
                jdbc.sql("INSERT INTO unsubscribe_key (id, key) VALUES (1, :key) ON CONFLICT (id) DO NOTHING")
                        .param("key", candidate).update();
                return jdbc.sql("SELECT key FROM unsubscribe_key WHERE id = 1").query(byte[].class).single();
            });
            key = known;
        }
        return known;
    }
}
