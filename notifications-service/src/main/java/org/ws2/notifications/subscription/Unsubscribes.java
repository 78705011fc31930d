package org.ws2.notifications.subscription;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ws2.contracts.notification.UnsubscribeTokens;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one-click unsubscribe (RFC 8058) of every email. Three kinds of token, one key and one check:
 * <ul>
 * <li>an email sent because of a subscription: {@code <subscription id>.<HMAC-SHA256 of the id>}. Bound to
 * one subscription, long-lived (it works as long as the subscription exists, like the emails already in
 * people's mailboxes). Unsubscribing stops the subscription's email, nothing else: its inbox notices go
 * on (a subscription that had only email is paused).</li>
 * <li>an email to a group's contact (sent because of their role, e.g. a sign-off request to a chair):
 * {@code contact.<base64url of the address>.<HMAC-SHA256 of the address>}. The contacts are the groups
 * service's; what this service can stop is its own mail to the address, so the opt-out is per address
 * (table {@code contact_opt_out}), whichever group names it.</li>
 * <li>a confirmation, sent to an address someone named for their subscriptions:
 * {@code confirmation.<base64url of the owner, a line feed, the address>.<HMAC-SHA256 of both>}. The address
 * declines that person's subscriptions: their email to it stops before it began ({@link #decline}), the
 * confirmation link no longer works, and that person's saves send it no confirmation again.</li>
 * </ul>
 * Neither is guessable without the key, and nothing per email is stored. Each MAC covers a purpose
 * besides the value, so a token of one kind is never one of the other. The key is 32 random bytes made
 * once, by whichever replica first needs it, and kept in the service's database, so that every replica
 * checks every link and nobody has to configure a secret.
 */
@Repository
public class Unsubscribes {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PURPOSE = "ws2-unsubscribe:";
    private static final String CONTACT_PURPOSE = "ws2-unsubscribe-contact:";
    private static final String CONTACT = "contact.";
    private static final String CONFIRMATION_PURPOSE = "ws2-unsubscribe-confirmation:";
    private static final String CONFIRMATION = UnsubscribeTokens.CONFIRMATION;

    /**
     * A person's subscription stops its email: it keeps its inbox if it has one, else it is paused with
     * {@code :reason}. Completed by a WHERE naming the subscriptions, then {@link #STOPPABLE}.
     */
    private static final String STOP_EMAIL = """
            UPDATE subscription SET
                   enabled = enabled AND channels @> '["INBOX"]',
                   disabled_reason = CASE WHEN channels @> '["INBOX"]' THEN disabled_reason ELSE :reason END,
                   channels = CASE WHEN channels @> '["INBOX"]' THEN '["INBOX"]' ELSE channels END,
                   version = version + 1, updated_at = now()
            """;
    /** Only a person's subscription with email still to stop changes (twice is once). */
    private static final String STOPPABLE =
            " AND kind = 'PERSON' AND channels @> '[\"EMAIL\"]' AND (enabled OR channels @> '[\"INBOX\"]')";

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
        return subscriptionId + "." + mac(PURPOSE + subscriptionId);
    }

    /** The token of the unsubscribe links of the emails a group's contact gets at this address. */
    public String tokenForContact(String address) {
        String normalized = normalized(address);
        return CONTACT + Base64.getUrlEncoder().withoutPadding().encodeToString(normalized.getBytes(StandardCharsets.UTF_8))
                + "." + mac(CONTACT_PURPOSE + normalized);
    }

    /** The token of the unsubscribe links of the confirmation email asking {@code address} to agree to {@code owner}'s email. */
    public String tokenForConfirmation(String owner, String address) {
        String ownerAndAddress = owner + "\n" + normalized(address);
        return CONFIRMATION + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(ownerAndAddress.getBytes(StandardCharsets.UTF_8))
                + "." + mac(CONFIRMATION_PURPOSE + ownerAndAddress);
    }

    /**
     * The addresses, of a group's contacts, that have not asked through a contact email's link to get no
     * more of them: one read for all of an event's contacts.
     */
    public List<String> stillMailed(List<String> contactEmails) {
        if (contactEmails.isEmpty()) {
            return List.of();
        }
        Set<String> optedOut = Set.copyOf(jdbc.sql("SELECT address FROM contact_opt_out WHERE address IN (:addresses)")
                .param("addresses", contactEmails.stream().map(Unsubscribes::normalized).toList())
                .query(String.class).list());
        return contactEmails.stream().filter(address -> !optedOut.contains(normalized(address))).toList();
    }

    /**
     * Stops the email the token's link came with: a subscription's, every contact email to an address, or
     * the email a confirmation asked an address to agree to. False if the token is not one this service made,
     * or its subscription is gone. Twice is once.
     */
    @Transactional
    boolean unsubscribe(String token) {
        if (token.startsWith(CONTACT)) {
            Optional<String> address = addressOf(token.substring(CONTACT.length()));
            address.ifPresent(this::optOut);
            return address.isPresent();
        }
        if (token.startsWith(CONFIRMATION)) {
            Optional<String> ownerAndAddress = signed(token.substring(CONFIRMATION.length()), CONFIRMATION_PURPOSE,
                    Unsubscribes::decoded);
            ownerAndAddress.ifPresent(value -> {
                int split = value.lastIndexOf('\n'); // an address has no line feed; an owner's name might
                decline(value.substring(0, split), value.substring(split + 1));
            });
            return ownerAndAddress.isPresent();
        }
        Optional<UUID> id = subscriptionOf(token);
        id.ifPresent(this::stopEmail);
        return id.isPresent();
    }

    private void stopEmail(UUID subscription) {
        // What was collected for a digest goes too: it would otherwise arrive if email were turned on again.
        jdbc.sql("DELETE FROM digest_item WHERE subscription_id = :id AND digested_at IS NULL")
                .param("id", subscription).update();
        jdbc.sql(STOP_EMAIL + "WHERE id = :id" + STOPPABLE)
                .param("reason", "Unsubscribed from an email's link").param("id", subscription).update();
    }

    /**
     * The address says no to {@code owner}'s email, from the confirmation that asked it: the owner's subscriptions
     * to it stop their email as an unsubscribe does (any collected digest items go too), its confirmation link
     * stops working, and it is not asked again for that owner. Confirmed before, it is no longer: unsubscribing
     * means no more email, whatever was clicked first. The owner's own address (their token's) confirms afresh
     * when they save ({@link EmailConfirmations#request}).
     */
    private void decline(String owner, String address) {
        jdbc.sql("""
                INSERT INTO email_consent (owner, address, declined_at) VALUES (:owner, :address, now())
                ON CONFLICT (owner, address) DO UPDATE SET confirmed_at = NULL, token_hash = NULL, token_expires_at = NULL,
                    declined_at = coalesce(email_consent.declined_at, now())""")
                .param("owner", owner).param("address", address).update();
        jdbc.sql("""
                DELETE FROM digest_item WHERE digested_at IS NULL AND subscription_id IN (
                    SELECT id FROM subscription WHERE owner = :owner AND kind = 'PERSON' AND lower(email) = :address)""")
                .param("owner", owner).param("address", address).update();
        jdbc.sql(STOP_EMAIL + "WHERE owner = :owner AND lower(email) = :address" + STOPPABLE)
                .param("reason", "The address declined, from its confirmation email's link")
                .param("owner", owner).param("address", address).update();
    }

    private void optOut(String address) {
        jdbc.sql("INSERT INTO contact_opt_out (address) VALUES (:address) ON CONFLICT (address) DO NOTHING")
                .param("address", address).update();
    }

    private Optional<UUID> subscriptionOf(String token) {
        return signed(token, PURPOSE, UUID::fromString)
                .flatMap(id -> jdbc.sql("SELECT id FROM subscription WHERE id = :id AND kind = 'PERSON'")
                        .param("id", id).query(UUID.class).optional());
    }

    /** @param token what follows {@code contact.}: the encoded address, a dot, its MAC */
    private Optional<String> addressOf(String token) {
        return signed(token, CONTACT_PURPOSE, Unsubscribes::decoded);
    }

    /** Throws {@link IllegalArgumentException} on what is not base64url. */
    private static String decoded(String encoded) {
        return new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    /**
     * The value of a {@code <encoded value>.<MAC>} token, if it decodes and the MAC is this service's for
     * that purpose; {@code decode} throws {@link IllegalArgumentException} on what is not a value.
     */
    private <T> Optional<T> signed(String token, String purpose, Function<String, T> decode) {
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        T value;
        try {
            value = decode.apply(token.substring(0, dot));
        } catch (IllegalArgumentException notAValue) {
            return Optional.empty();
        }
        return genuine(purpose + value, token.substring(dot + 1)) ? Optional.of(value) : Optional.empty();
    }

    /** Constant time: how much of a forged MAC matched must not show in how long the answer took. */
    private boolean genuine(String purposeAndValue, String presented) {
        return MessageDigest.isEqual(mac(purposeAndValue).getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    /** Addresses are compared without regard to case, as the confirmations compare them. */
    private static String normalized(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    private String mac(String purposeAndValue) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(purposeAndValue.getBytes(StandardCharsets.UTF_8)));
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
