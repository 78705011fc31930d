package org.ws2.notifications.notice;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * One entry of a person's inbox: its content's fields stand beside its own in the JSON.
 *
 * @param read whether the caller has read it
 */
public record Notice(
        UUID id,
        @JsonUnwrapped NoticeContent content,
        Instant createdAt,
        boolean read) {
}
