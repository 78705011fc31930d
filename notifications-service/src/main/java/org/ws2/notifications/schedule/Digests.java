package org.ws2.notifications.schedule;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.notifications.email.Emails;
import org.ws2.notifications.notice.NewNotice;
import org.ws2.notifications.subscription.Subscription.Cadence;
import org.ws2.notifications.subscription.Unsubscribes;

/**
 * Notices collected for people who chose a daily or weekly email: a digest lists each in its words, with
 * the link to its own page. Making a digest marks its items
 * digested and queues its email in one transaction, the subscription row locked: two replicas, or
 * a run repeated after a crash, cannot send the same items twice.
 */
@Repository
@RequiredArgsConstructor
public class Digests {

    private final JdbcClient jdbc;
    private final Emails emails;
    private final Unsubscribes unsubscribes;

    @Transactional(propagation = Propagation.MANDATORY)
    public void collect(UUID subscriptionId, NewNotice notice) {
        jdbc.sql("""
                INSERT INTO digest_item (subscription_id, event_id, subject, message, link, occurred_at)
                VALUES (:id, :eventId, :subject, :message, :link, :at) ON CONFLICT DO NOTHING""")
                .param("id", subscriptionId).param("eventId", notice.eventId())
                .param("subject", notice.content().subject()).param("message", notice.content().message())
                .param("link", notice.content().link())
                .param("at", Timestamp.from(notice.content().occurredAt())).update();
    }

    /** Sends every due digest of that cadence; returns how many were queued. */
    @Transactional
    public int send(Cadence cadence) {
        List<Subscriber> subscribers = jdbc.sql("""
                SELECT s.id, s.email FROM subscription s
                WHERE s.enabled AND s.kind = 'PERSON' AND s.cadence = :cadence AND s.email IS NOT NULL
                  AND s.channels @> '["EMAIL"]'
                  -- the address may have changed, to one not yet confirmed, since the items were collected
                  AND EXISTS (SELECT 1 FROM email_consent c WHERE c.owner = s.owner AND c.address = lower(s.email)
                              AND c.confirmed_at IS NOT NULL)
                  AND EXISTS (SELECT 1 FROM digest_item i WHERE i.subscription_id = s.id AND i.digested_at IS NULL)
                FOR UPDATE OF s SKIP LOCKED""")
                .param("cadence", cadence.name())
                .query((rs, row) -> new Subscriber(rs.getObject("id", UUID.class), rs.getString("email"))).list();
        int sent = 0;
        for (Subscriber subscriber : subscribers) {
            List<Emails.Paragraph> items = new ArrayList<>();
            List<String> eventIds = new ArrayList<>();
            jdbc.sql("""
                    SELECT event_id, subject, message, link FROM digest_item
                    WHERE subscription_id = :id AND digested_at IS NULL ORDER BY occurred_at, event_id""")
                    .param("id", subscriber.id())
                    .query((rs, row) -> {
                        eventIds.add(rs.getString("event_id"));
                        // each item links to its own page, named by its subject
                        items.add(new Emails.Paragraph(rs.getString("message"), rs.getString("link"),
                                rs.getString("subject")));
                        return null;
                    }).list();
            if (items.isEmpty()) {
                continue;
            }
            jdbc.sql("""
                    UPDATE digest_item SET digested_at = now()
                    WHERE subscription_id = :id AND event_id IN (:eventIds)""")
                    .param("id", subscriber.id()).param("eventIds", eventIds).update();
            String word = cadence == Cadence.DAILY ? "Daily" : "Weekly";
            items.add(0, Emails.Paragraph.of(items.size() + (items.size() == 1 ? " thing" : " things")
                    + " happened that you follow:"));
            // Keyed by the first item: the items, once digested, are never digested again.
            emails.enqueueParagraphs("digest:" + subscriber.id() + ":" + eventIds.get(0), subscriber.email(),
                    "[WS2] " + word + " digest, " + java.time.LocalDate.now(java.time.ZoneOffset.UTC), items, null,
                    unsubscribes.tokenFor(subscriber.id()));
            sent++;
        }
        return sent;
    }

    private record Subscriber(UUID id, String email) {
    }
}
