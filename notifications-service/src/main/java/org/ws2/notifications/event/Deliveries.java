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

    Deliveries(Notices notices, Emails emails, Subscriptions subscriptions, Digests digests,
            org.ws2.notifications.webhook.WebhookDeliveryLog webhooks, EventCodec codec) {
        this.notices = notices;
        this.emails = emails;
        this.subscriptions = subscriptions;
        this.digests = digests;
        this.webhooks = webhooks;
        this.codec = codec;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void tell(Happening happening, List<String> recipients, List<String> contactEmails) {
        recipients.forEach(recipient -> notices.add(happening.notice(), recipient));
        contactEmails.forEach(address -> email(happening, address));
        for (Subscription subscription : subscriptions.matching(happening.facts())) {
            if (subscription.kind() == SubscriptionKind.WEBHOOK) {
                webhooks.enqueue(subscription.id(), happening.event().id(), happening.event().type(),
                        // a webhook leaves the system: it gets the event as the public topic has it
                        codec.write(PublicData.publicCopy(happening.event())));
                continue;
            }
            if (subscription.wants(Channel.INBOX)) {
                notices.add(happening.notice(), Recipients.person(subscription.owner()));
            }
            // the inbox is the owner's own; an address is mailed only once it is theirs or confirmed
            if (subscription.mayEmail()) {
                if (subscription.cadence() == Cadence.IMMEDIATE) {
                    email(happening, subscription.email());
                } else {
                    digests.collect(subscription.id(), happening.notice());
                }
            }
        }
    }

    private void email(Happening happening, String address) {
        emails.enqueue(happening.event().id() + "|" + address.toLowerCase(Locale.ROOT), address,
                "[WS2] " + happening.subject(), List.of(happening.message()), happening.link());
    }
}
