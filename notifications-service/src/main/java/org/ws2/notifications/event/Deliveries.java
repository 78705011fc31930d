package org.ws2.notifications.event;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.ws2.contracts.EventCodec;
import org.ws2.contracts.PublicData;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.notifications.email.Emails;
import org.ws2.notifications.notice.Notices;
import org.ws2.notifications.notice.Recipients;
import org.ws2.notifications.schedule.Digests;
import org.ws2.notifications.subscription.Subscription;
import org.ws2.notifications.subscription.Subscription.Cadence;
import org.ws2.notifications.subscription.Subscription.Channel;
import org.ws2.notifications.subscription.Subscription.SubscriptionKind;
import org.ws2.notifications.subscription.Subscriptions;
import org.ws2.notifications.subscription.Unsubscribes;

/**
 * Tells a happening to everyone it concerns, in the listener's transaction: the recipients the
 * rules name, the contacts they email, and every subscription whose filters match it. Each target
 * is keyed by the event id, so a second route to the same person adds nothing.
 */
@Component
class Deliveries {

    private final Notices notices;
    private final Emails emails;
    private final Subscriptions subscriptions;
    private final Digests digests;
    private final org.ws2.notifications.webhook.WebhookDeliveryLog webhooks;
    private final EventCodec codec;
    private final Unsubscribes unsubscribes;

    Deliveries(Notices notices, Emails emails, Subscriptions subscriptions, Digests digests,
            org.ws2.notifications.webhook.WebhookDeliveryLog webhooks, EventCodec codec, Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
        this.notices = notices;
        this.emails = emails;
        this.subscriptions = subscriptions;
        this.digests = digests;
        this.webhooks = webhooks;
        this.codec = codec;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void tell(Happening happening, List<String> recipients, List<String> contactEmails) {
        tell(happening, new Audience(recipients, List.of(), List.of(), null), contactEmails);
    }

    /**
     * @param contactEmails addresses told by email alone (a group's contacts, SO/AC leadership): no subscription
     *                      sent them; each email carries the address's own unsubscribe, and an address that
     *                      used it is skipped
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void tell(Happening happening, Audience audience, List<String> contactEmails) {
        String notFor = audience.notFor();
        audience.recipients().forEach(recipient -> notices.add(happening.notice(), recipient, notFor));
        for (String person : audience.people()) {
            if (!person.equals(notFor)) {
                notices.add(happening.notice(), Recipients.person(person));
                subscriptions.emailChoiceOf(person).ifPresent(subscription -> email(happening, subscription));
            }
        }
        for (String person : audience.mailedPeople()) {
            if (!person.equals(notFor)) {
                subscriptions.emailChoiceOf(person).ifPresent(subscription -> email(happening, subscription));
            }
        }
        for (Subscription subscription : subscriptions.matching(happening.facts())) {
            if (subscription.kind() == SubscriptionKind.WEBHOOK) {
                webhooks.enqueue(subscription.id(), happening.event().id(), happening.event().type(),
                        // a webhook leaves the system: it gets the event as the public topic has it
                        codec.write(PublicData.publicCopy(happening.event())));
                continue;
            }
            if (subscription.owner().equals(notFor)) {
                continue;
            }
            if (subscription.wants(Channel.INBOX)) {
                notices.add(happening.notice(), Recipients.person(subscription.owner()));
            }
            email(happening, subscription);
        }
        // after the subscriptions: an address told both ways gets the email its subscription sends; a
        // contact's own unsubscribe stops only these (its subscriptions have their own links)
        for (String address : unsubscribes.stillMailed(contactEmails)) {
            email(happening, address, unsubscribes.tokenForContact(address));
        }
    }

    /** The inbox is the owner's own; an address is mailed only once it is theirs or confirmed. */
    private void email(Happening happening, Subscription subscription) {
        if (!subscription.mayEmail()) {
            return;
        }
        if (subscription.cadence() == Cadence.IMMEDIATE) {
            email(happening, subscription.email(), unsubscribes.tokenFor(subscription.id()));
        } else {
            digests.collect(subscription.id(), happening.notice());
        }
    }

    private void email(Happening happening, String address, String unsubscribeToken) {
        emails.enqueue(happening.event().id() + "|" + address.toLowerCase(Locale.ROOT), address,
                "[WS2] " + happening.subject(), List.of(happening.message()), happening.link(), unsubscribeToken);
    }

    /**
     * Who a rule tells, besides the followers.
     *
     * @param recipients   audiences told in the inbox (a group's editors, a role)
     * @param people       persons (tokens' {@code sub}) the rule names: told in their inbox, and by email as
     *                     their subscriptions say ({@link Subscriptions#emailChoiceOf}); the inbox only without one
     * @param mailedPeople persons among the recipients already, told by email as their subscriptions say
     * @param notFor       the one person told nothing, among the recipients or as a follower (a comment's
     *                     author), or null
     */
    record Audience(List<String> recipients, List<String> people, List<String> mailedPeople, String notFor) {
    }
}
