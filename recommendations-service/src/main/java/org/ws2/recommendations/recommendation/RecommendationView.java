package org.ws2.recommendations.recommendation;

import java.time.Instant;
import java.util.List;

import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.PublicStatus;
import org.ws2.contracts.recommendation.RecommendationStatus;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A recommendation as clients read it. Derived on every read rather than stored:
 * {@code publicStatus}, ICANN's three-word view; {@code waitingOn}, the dependencies not yet
 * implemented; and {@code derivedState}, which says "waiting on another recommendation" while there
 * are such dependencies and the work has not gone past planning. The edited {@code details} are
 * answered as they are stored, their fields at the top level beside the others.
 */
public record RecommendationView(
        String id,
        @Schema(description = "The programme it belongs to: WS2, or another review tracked beside it", example = "WS2")
        String programme,
        @Schema(description = "Its number in its programme: the id for WS2's, the id after the programme's code "
                + "for another's (ATRT3-1.1 is number 1.1 of ATRT3)", example = "1.1")
        String number,
        String topic,
        String topicPrefix,
        @JsonUnwrapped RecommendationDetails details,
        @Schema(description = "Where the record comes from: the public ICANN page it was taken from, or what a "
                + "user gave when adding it",
                example = "https://community.icann.org/display/WEIA/Org+WS2+Implementation+At+A+Glance")
        String source,
        @Schema(description = "How much of the record is confirmed by its source: `id+content` (number and "
                + "substance), `id+group only` (number and SO/AC good-practice sub-group), `id+topic only`, `id only`; "
                + "`entered by <user>` for one a user added. Below `id+content` the title and summary are placeholders "
                + "written from what is known, not ICANN's wording.", example = "id+topic only")
        String verification,
        RecommendationStatus status,
        PublicStatus publicStatus,
        String publicStatusLabel,
        String derivedState,
        String derivedStateLabel,
        Coordination coordination,
        List<String> dependsOn,
        List<String> waitingOn,
        int evidenceCount,
        boolean retired,
        String retiredReason,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static final String WAITING = "WAITING_ON_ANOTHER_RECOMMENDATION";

    public record Coordination(CoordinationLevel level, String rationale, String setBy, Instant setAt) {
    }

    static RecommendationView of(Recommendation r, List<String> waitingOn) {
        PublicStatus publicStatus = r.status().publicStatus();
        boolean waiting = !waitingOn.isEmpty()
                && (r.status() == RecommendationStatus.NOT_STARTED || r.status() == RecommendationStatus.PLANNING);
        var flag = r.coordination();
        return new RecommendationView(r.id(), r.programme(), r.number(), r.topic(), r.topicPrefix(), r.details(), r.source(), r.verification(),
                r.status(), publicStatus, publicStatus.label(),
                waiting ? WAITING : r.status().name(),
                waiting ? "Will start after the completion of another recommendation" : publicStatus.label(),
                new Coordination(flag.level(), flag.rationale(), flag.setBy(), flag.setAt()),
                r.dependsOn(), waitingOn, r.evidenceCount(), r.retired(),
                r.retired() ? r.retirement().reason() : null, r.version(), r.createdAt(), r.updatedAt());
    }
}
