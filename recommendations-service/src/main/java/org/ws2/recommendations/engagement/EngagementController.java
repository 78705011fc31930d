package org.ws2.recommendations.engagement;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.Valid;

import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.contracts.engagement.EngagementEvents.Kind;
import org.ws2.service.security.RoleRules;
import org.ws2.service.versioning.Versions;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The engagement log: meetings, webinars and other engagement items, with links to their
 * materials and the recommendations they concern. Anyone may read it; support staff and admins
 * write it. A removed item answers 410 Gone.
 */
@RestController
@Tag(name = "Engagements", description = "The engagement log: meetings, webinars and other engagement items, with the recommendations they concern")
@RequestMapping("/api/engagements")
@RequiredArgsConstructor
class EngagementController {

    static final int MAX_PAGE_SIZE = 200;
    private static final Pattern MEETING = Pattern.compile(EngagementRequest.MEETING_PATTERN);
    private static final Pattern GROUP_ID = Pattern.compile(EngagementRequest.GROUP_ID_PATTERN);

    private final Engagements engagements;

    /**
     * @param recommendationId only items that concern this recommendation
     * @param from             only items held on or after this date
     * @param to               only items held on or before this date
     * @param meeting          only items of this ICANN public meeting, e.g. ICANN71
     * @param groupId          only items that involve this group
     */
    @GetMapping
    @Operation(summary = "The engagement log, newest first",
            description = "Filter by recommendation, kind, date range, ICANN public meeting and group involved; paged.")
    EngagementPage list(@RequestParam(required = false) String recommendationId,
            @RequestParam(required = false) Kind kind,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String meeting,
            @RequestParam(required = false) String groupId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw ApiProblem.invalidInput("page", "page: must be 0 or more.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.invalidInput("size", "size: must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.invalidInput("to", "to: must not be before from (" + from + ").");
        }
        String recommendation = recommendationId == null || recommendationId.isBlank() ? null
                : recommendationId.strip();
        String meetingFilter = meeting == null || meeting.isBlank() ? null : meeting.strip();
        if (meetingFilter != null && !MEETING.matcher(meetingFilter).matches()) {
            throw ApiProblem.invalidInput("meeting",
                    "meeting: must be an ICANN public meeting, ICANN and its number, e.g. ICANN71.");
        }
        String group = groupId == null || groupId.isBlank() ? null : groupId.strip();
        if (group != null && !GROUP_ID.matcher(group).matches()) {
            throw ApiProblem.invalidInput("groupId", "groupId: must be a group id: letters, digits and dashes, e.g. ALAC.");
        }
        return engagements.list(new EngagementFilter(recommendation, kind, from, to, meetingFilter, group), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One engagement item",
            description = "The ETag is its version, for If-Match on changes.")
    ResponseEntity<EngagementView> get(@PathVariable UUID id) {
        return ok(engagements.get(id));
    }

    @PostMapping
    @Operation(summary = "Record an engagement item",
            description = "A meeting, webinar or other item, with links to its materials and the recommendations it concerns.")
    @PreAuthorize(RoleRules.SUPPORT)
    ResponseEntity<EngagementView> create(@Valid @RequestBody EngagementRequest request) {
        Engagement created = engagements.record(request.content(), Actor.current().name());
        return versioned(ResponseEntity.created(URI.create("/api/engagements/" + created.id())), created);
    }

    /** Replaces every editable field; needs the ETag last read in {@code If-Match}. */
    @PutMapping("/{id}")
    @Operation(summary = "Replace an engagement item's content",
            description = "Replaces every editable field; If-Match with the version last read is required.")
    @PreAuthorize(RoleRules.SUPPORT)
    ResponseEntity<EngagementView> update(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody EngagementRequest request) {
        long expected = Versions.requireIfMatch(ifMatch);
        return ok(engagements.update(id, request.content(), expected, Actor.current().name()));
    }

    /** Withdraws the item (it is kept, marked removed); {@code If-Match} is checked when sent. */
    @DeleteMapping("/{id}")
    @Operation(summary = "Withdraw an engagement item",
            description = "It is kept, marked removed, and no longer listed; If-Match is checked when sent.")
    @PreAuthorize(RoleRules.SUPPORT)
    ResponseEntity<Void> remove(@PathVariable UUID id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        engagements.remove(id, Versions.fromIfMatch(ifMatch), Actor.current().name());
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<EngagementView> ok(Engagement engagement) {
        return versioned(ResponseEntity.ok(), engagement);
    }

    /** The item as clients read it, with its version as ETag for If-Match on the next change. */
    private static ResponseEntity<EngagementView> versioned(ResponseEntity.BodyBuilder response,
            Engagement engagement) {
        return response.eTag(Versions.toETag(engagement.version())).body(EngagementView.of(engagement));
    }
}
