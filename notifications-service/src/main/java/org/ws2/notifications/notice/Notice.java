package org.ws2.notifications.notice;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a person's inbox.
 *
 * @param link       the path of the page it is about (on the gateway), or null
 * @param actor      who made the change, or null when no person did
 * @param occurredAt when the change took effect
 * @param read       whether the caller has read it
 */
public record Notice(
        UUID id,
        NoticeKind kind,
        String subject,
        String message,
        String link,
        String recommendationId,
        String groupId,
        String actor,
        Instant occurredAt,
        Instant createdAt,
        boolean read) {
}
