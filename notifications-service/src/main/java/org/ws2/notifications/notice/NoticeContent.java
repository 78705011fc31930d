package org.ws2.notifications.notice;

import java.time.Instant;

/**
 * What a notice tells: the same when it is written for its recipients as when it is read in an inbox.
 *
 * @param link       the path of the page it is about (on the gateway), or null
 * @param actor      who made the change, or null when no person did
 * @param occurredAt when the change took effect
 */
public record NoticeContent(
        NoticeKind kind,
        String subject,
        String message,
        String link,
        String recommendationId,
        String groupId,
        String actor,
        Instant occurredAt) {
}
