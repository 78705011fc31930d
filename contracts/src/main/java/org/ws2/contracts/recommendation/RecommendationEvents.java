package org.ws2.contracts.recommendation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ws2.contracts.EventType;

/**
 * The events on {@code ws2.recommendations.v1}, keyed by recommendation id. Each carries the
 * state a consumer needs, so that no consumer has to call the recommendations service back.
 */
public final class RecommendationEvents {

    public static final String SOURCE = "/ws2/recommendations-service";

    public static final String REGISTERED = "org.ws2.recommendation.registered.v1";
    public static final String STATUS_CHANGED = "org.ws2.recommendation.status-changed.v1";
    public static final String DETAILS_UPDATED = "org.ws2.recommendation.details-updated.v1";
    public static final String RETIRED = "org.ws2.recommendation.retired.v1";
    public static final String DEPENDENCIES_CHANGED = "org.ws2.recommendation.dependencies-changed.v1";
    public static final String COORDINATION_FLAG_SET = "org.ws2.recommendation.coordination-flag-set.v1";
    public static final String EVIDENCE_ADDED = "org.ws2.recommendation.evidence-added.v1";
    public static final String EVIDENCE_REMOVED = "org.ws2.recommendation.evidence-removed.v1";

    /** A recommendation entered the catalogue (seeded from the WS2 data or created by a user). */
    @EventType(REGISTERED)
    public record Registered(
            String recommendationId,
            String topic,
            String title,
            RecommendationStatus status,
            long version,
            String actor,
            RecommendationSnapshot recommendation) implements RecommendationEvent {
    }

    /**
     * A recommendation moved through its lifecycle.
     *
     * @param overrideNote why it moved past planning while a recommendation it depends on is not
     *                     implemented; null otherwise
     */
    @EventType(STATUS_CHANGED)
    public record StatusChanged(
            String recommendationId,
            String topic,
            String title,
            RecommendationStatus from,
            RecommendationStatus to,
            String note,
            String actor,
            Instant changedAt,
            long version,
            String overrideNote,
            RecommendationSnapshot recommendation) implements RecommendationEvent {
    }

    /** Title, summary, ownership, implementers, target quarter or tags were edited. */
    @EventType(DETAILS_UPDATED)
    public record DetailsUpdated(
            String recommendationId,
            long version,
            String actor,
            Instant changedAt,
            String note,
            List<String> changedFields,
            RecommendationSnapshot recommendation) implements RecommendationEvent {
    }

    /** The recommendation left the catalogue; it is kept, with its history, but no longer worked on. */
    @EventType(RETIRED)
    public record Retired(
            String recommendationId,
            long version,
            String actor,
            Instant changedAt,
            String reason,
            RecommendationSnapshot recommendation) implements RecommendationEvent {
    }

    /** Recommendations this one waits on were added or removed. */
    @EventType(DEPENDENCIES_CHANGED)
    public record DependenciesChanged(
            String recommendationId,
            long version,
            String actor,
            Instant changedAt,
            String note,
            List<String> added,
            List<String> removed,
            RecommendationSnapshot recommendation) implements RecommendationEvent {
    }

    /** SO/AC leadership's coordination of the recommendation was flagged, changed or cleared. */
    @EventType(COORDINATION_FLAG_SET)
    public record CoordinationFlagSet(
            String recommendationId,
            long version,
            String actor,
            Instant changedAt,
            CoordinationLevel from,
            CoordinationLevel to,
            String rationale,
            RecommendationSnapshot recommendation) implements RecommendationEvent {
    }

    /** Evidence of how the recommendation was implemented was attached. */
    @EventType(EVIDENCE_ADDED)
    public record EvidenceAdded(
            String recommendationId,
            long version,
            String actor,
            Instant changedAt,
            Evidence evidence,
            RecommendationSnapshot recommendation) implements RecommendationEvent {
    }

    /** A piece of evidence was withdrawn. */
    @EventType(EVIDENCE_REMOVED)
    public record EvidenceRemoved(
            String recommendationId,
            long version,
            String actor,
            Instant changedAt,
            String evidenceId,
            RecommendationSnapshot recommendation) implements RecommendationEvent {
    }

    /**
     * @param url          a link to the evidence, or to the uploaded document through the gateway
     * @param documentName the uploaded file's name, or null for a plain link
     */
    public record Evidence(String id, String title, String url, String documentName, LocalDate date, String note) {
    }

    private RecommendationEvents() {
    }
}
