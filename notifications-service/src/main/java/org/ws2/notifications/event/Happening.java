package org.ws2.notifications.event;

import java.time.Instant;
import java.util.List;

import org.ws2.contracts.CloudEvent;
import org.ws2.notifications.notice.NewNotice;
import org.ws2.notifications.notice.NoticeContent;
import org.ws2.notifications.notice.NoticeKind;
import org.ws2.notifications.subscription.EventFacts;

/**
 * An event told in words, with what subscriptions filter on.
 *
 * @param event the event as it arrived: a webhook's body
 */
record Happening(CloudEvent event, NoticeKind kind, String subject, String message, String link,
        String recommendationId, String groupId, String actor, EventFacts facts) {

    static Happening of(CloudEvent event, NoticeKind kind, String subject, String message, String link,
            String recommendationId, String groupId, String actor, String topic, String engagementKind,
            List<String> recommendationIds) {
        return new Happening(event, kind, subject, message, link, recommendationId, groupId, actor,
                new EventFacts(event.type(), recommendationIds, groupId == null ? List.of() : List.of(groupId), topic,
                        engagementKind));
    }

    NewNotice notice() {
        return new NewNotice(event.id(),
                new NoticeContent(kind, subject, message, link, recommendationId, groupId, actor, occurredAt()));
    }

    Instant occurredAt() {
        return event.time();
    }
}
