package org.ws2.contracts.recommendation;

import java.time.Instant;
import java.util.List;

import org.ws2.contracts.AggregateSnapshot;

/**
 * A recommendation's whole state after a change, carried by every recommendation event so that a
 * consumer can keep its own copy without calling the recommendations service.
 *
 * @param dependsOn    ids of the recommendations this one waits on; whether they are complete is
 *                     known from their own events
 * @param evidenceCount how many pieces of implementation evidence are attached
 * @param source       where the text comes from
 * @param verification how much of the record is confirmed against ICANN's wording
 * @param createdAt    when it entered the catalogue (effective time)
 * @param updatedAt    when its last change took effect
 * @param programme    the programme it belongs to ({@link Programmes}); null in events of before
 *                     programmes, which were all WS2's ({@link Programmes#of(RecommendationSnapshot)})
 */
public record RecommendationSnapshot(
        String id,
        String topicPrefix,
        String topic,
        String title,
        String summary,
        Ownership ownership,
        List<SharedOwner> sharedWith,
        List<String> implementers,
        String targetQuarter,
        List<String> tags,
        String source,
        String verification,
        RecommendationStatus status,
        CoordinationLevel coordination,
        String coordinationRationale,
        List<String> dependsOn,
        int evidenceCount,
        boolean retired,
        String retiredReason,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String programme) implements AggregateSnapshot {

    /** A snapshot that names no programme: its id tells (WS2 for a WS2 number). */
    public RecommendationSnapshot(String id, String topicPrefix, String topic, String title, String summary,
            Ownership ownership, List<SharedOwner> sharedWith, List<String> implementers, String targetQuarter,
            List<String> tags, String source, String verification, RecommendationStatus status,
            CoordinationLevel coordination, String coordinationRationale, List<String> dependsOn, int evidenceCount,
            boolean retired, String retiredReason, long version, Instant createdAt, Instant updatedAt) {
        this(id, topicPrefix, topic, title, summary, ownership, sharedWith, implementers, targetQuarter, tags, source,
                verification, status, coordination, coordinationRationale, dependsOn, evidenceCount, retired,
                retiredReason, version, createdAt, updatedAt, null);
    }
}
