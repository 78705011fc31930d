package org.ws2.notifications.notice;

import java.time.Instant;

/**
 * What to tell, before it is addressed.
 *
 * @param eventId the event (or scheduled occurrence) it comes from: with the recipient, its identity
 */
public record NewNotice(
        String eventId,
        NoticeKind kind,
        String subject,
        String message,
        String link,
        String recommendationId,
        String groupId,
        String actor,
        Instant occurredAt) {
}
