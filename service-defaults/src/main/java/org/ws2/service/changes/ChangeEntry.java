package org.ws2.service.changes;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One entry of an aggregate's history: who changed it, when the change took effect and when it was
 * recorded, why, and the aggregate's public state after it.
 */
public record ChangeEntry(long version, String kind, String actor, String note, Instant effectiveAt,
        Instant recordedAt, String eventType, JsonNode snapshot) {
}
