package org.ws2.notifications.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the in-app inbox.
 *
 * @param actor who made the change, or null when no person did
 */
public record Notification(
        UUID id,
        String recommendationId,
        NotificationKind kind,
        String message,
        String actor,
        Instant createdAt) {
}
