package org.ws2.groups.assignment;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.ws2.contracts.assignment.AssignmentScope;
import org.ws2.contracts.assignment.Effort;
import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.assignment.Urgency;
import org.ws2.contracts.group.GroupKind;

import io.swagger.v3.oas.annotations.media.Schema;

/** The bodies of the assignment requests, with the limits every field is held to. */
final class AssignmentRequests {

    /**
     * A WS2 id (6.1.1), or another programme's: its code, a hyphen and its number (ATRT3-1.1; see
     * {@code org.ws2.contracts.recommendation.Programmes}).
     */
    static final String RECOMMENDATION_ID = "^([1-8]|[A-Z][A-Z0-9]{1,15}-[1-9][0-9]{0,2})(\\.[0-9]{1,3}){1,3}$";
    static final String ID_PREFIX = "^([1-8]|[A-Z][A-Z0-9]{1,15}-[1-9][0-9]{0,2})(\\.[0-9]{1,3}){0,3}$";
    static final String URL = "^[Hh][Tt][Tt][Pp][Ss]?://\\S+$";

    /** Support triages one recommendation to one group. */
    record Create(
            @NotBlank @Size(max = 50) String groupId,
            @NotBlank @Pattern(regexp = RECOMMENDATION_ID, message = "must be a recommendation id such as 6.1.1 or ATRT3-1.1") String recommendationId,
            @Size(max = 4000) String applicabilityNote,
            Instant effectiveAt) {
    }

    /**
     * Support triages many recommendations to many groups: every selected recommendation to every
     * selected group. Recommendations are chosen by id, by id prefix ("6" for all of 6.*) or by topic
     * (its name or number); groups by id or by kind (e.g. SO and AC).
     */
    record Bulk(
            @Size(max = 200) List<@NotNull @Pattern(regexp = RECOMMENDATION_ID, message = "must be a recommendation id such as 6.1.1 or ATRT3-1.1") String> recommendationIds,
            @Pattern(regexp = ID_PREFIX, message = "must be a recommendation id prefix such as 6, 6.1 or ATRT3-1") String idPrefix,
            @Size(max = 100) String topic,
            @Size(max = 100) List<@NotBlank @Size(max = 50) String> groupIds,
            @Size(max = 10) List<@NotNull GroupKind> groupKinds,
            @Size(max = 4000) String applicabilityNote,
            Instant effectiveAt) {
    }

    /**
     * A step of the sign-off workflow.
     *
     * @param applicabilityNote support may revise its note as it moves the assignment; the group may not
     * @param effectiveAt       when the step happened, for a past step entered now by support staff or an admin
     *                          (each request here but a comment takes it; see {@code Authority.requireMayBackDate})
     */
    @Schema(name = "Triage") // the OpenAPI document's name for this body, kept for generated clients
    record SignOffStep(@NotNull TriageState to, @Size(max = 4000) String note,
            @Size(max = 4000) String applicabilityNote, Instant effectiveAt) {
    }

    /** Sign-off asked of a group for all its triaged assignments at once. */
    record GroupSignOffRequest(@Size(max = 4000) String note, Instant effectiveAt) {
    }

    /**
     * The group's judgement of one assignment; replaces the previous one and is a draft until the
     * group approves its priorities.
     *
     * @param notApplicableReason required when priority is NOT_APPLICABLE
     */
    record Prioritize(
            @NotNull Priority priority,
            Effort effort,
            Urgency urgency,
            @Size(max = 4000) String notApplicableReason,
            @Size(max = 4000) String note,
            Instant effectiveAt) {
    }

    /**
     * The group approves the draft priorities it names, each at the version the approver read, so that a
     * draft changed after that read is never approved unseen.
     *
     * @param approve every draft approved; those not named stay drafts
     */
    record Approve(
            @NotNull(message = "name the drafts you approve, each with the version you read")
            @Size(min = 1, max = 500, message = "name between 1 and 500 drafts, each with the version you read")
            List<@NotNull @Valid Approved> approve,
            @Size(max = 4000) String note,
            Instant effectiveAt) {
    }

    /** One draft the approver read: the assignment's recommendation and the version (its ETag) read. */
    record Approved(
            @NotNull @Pattern(regexp = RECOMMENDATION_ID, message = "must be a recommendation id such as 6.1.1 or ATRT3-1.1") String recommendationId,
            @NotNull @PositiveOrZero Long version) {
    }

    record Comment(@NotBlank @Size(max = 4000) String text,
            @Pattern(regexp = "^[0-9a-fA-F-]{36}$", message = "must be the id of a comment") String replyTo) {
    }

    record ReportProgress(
            @NotNull Progress progress,
            @Size(max = 4000) String note,
            @Size(max = 2000) @Pattern(regexp = URL, message = "must be an http(s) link") String evidenceUrl,
            Instant effectiveAt) {
    }

    /**
     * Whom the group judges the assignment to be for: the group itself (GROUP), its child groups (CHILDREN) or
     * the community as a whole (COMMUNITY). Any scope but CHILDREN takes back a share handed down.
     */
    record SetScope(@NotNull AssignmentScope scope, @Size(max = 4000) String note, Instant effectiveAt) {
    }

    /**
     * The group hands the recommendation down to the child groups named in {@code to}, or to all its child
     * groups when {@code to} is left out or empty.
     */
    record HandDown(@Size(max = 100) List<@NotBlank @Size(max = 50) String> to, @Size(max = 4000) String note,
            Instant effectiveAt) {
    }

    private AssignmentRequests() {
    }
}
