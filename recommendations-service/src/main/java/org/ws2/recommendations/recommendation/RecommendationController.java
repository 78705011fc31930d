package org.ws2.recommendations.recommendation;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.service.security.RoleRules;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.Programmes;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.recommendations.recommendation.RecommendationSearch.SortField;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Recommendations", description = "The catalogue of WS2's recommendations and those of other reviews tracked beside it (programmes): search, read as now or as of a past instant, history, editing and the lifecycle (docs/lifecycle.md)")
@RequestMapping("/api/recommendations")
@RequiredArgsConstructor
class RecommendationController {

    private final RecommendationQueries queries;
    private final Transitions transitions;
    private final CatalogueEditing editing;
    private final RecommendationResponses responses;

    /**
     * @param programme a programme's code (WS2, ATRT3); every programme when absent
     * @param q     words to find in title or summary
     * @param asOf  answer as the catalogue stood at this instant (ISO-8601), from its history
     * @param order {@code asc} or {@code desc}
     * @param page  the page number (0 when neither it nor {@code after} is given)
     * @param after a cursor from a page's {@code next} link: the page right after that one
     */
    @GetMapping
    @Operation(summary = "Search the catalogue",
            description = "Filters by programme (WS2, or another review's code such as ATRT3; every programme when absent), topic (prefix, or name in the programme asked, WS2's when none), status, ownership, coordination level, tag, target quarter and words in title or summary; sorts (desc is the exact reverse of asc, ties included) and pages (size up to 200). "
                    + "Page by number (page, with the total), or follow each page's next link: it carries a cursor (after) to the page right after, which costs one page at any depth and carries no total. A cursor goes with the sort and order it was read with, not with page or asOf. "
                    + "With asOf, answers as the catalogue stood at that instant. Each item shows its verification level and source, so a placeholder title is not mistaken for ICANN's wording.")
    RecommendationPage list(@RequestParam(required = false) String programme,
            @RequestParam(required = false) String topic,
            @RequestParam(required = false) RecommendationStatus status,
            @RequestParam(required = false) Ownership ownership,
            @RequestParam(required = false) CoordinationLevel coordination,
            @RequestParam(required = false) String tag,
            @RequestParam(required = false) String targetQuarter,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "false") boolean includeRetired,
            @RequestParam(defaultValue = "id") SortField sort,
            @RequestParam(defaultValue = "asc") SortOrder order,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf,
            @RequestParam(required = false) @Min(0) Integer page,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        if (programme != null && !Programmes.CODE.matcher(programme).matches()) {
            throw ApiProblem.invalidInput("programme", "programme: a programme's code, upper-case letters and digits "
                    + "such as WS2 or ATRT3.");
        }
        var search = new RecommendationSearch(programme, topic, status, ownership, coordination, tag, targetQuarter, q,
                includeRetired, sort, order == SortOrder.desc);
        if (after == null) {
            return queries.search(search, page == null ? 0 : page, null, size, asOf);
        }
        if (page != null || asOf != null) {
            throw ApiProblem.invalidInput("after", "after: a cursor gives the page right after the one it came from; "
                    + "send it without page and asOf.");
        }
        return queries.search(search, 0, ListCursor.decode(after, sort, order == SortOrder.desc), size, null);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One recommendation, now or as of a past instant",
            description = "With its derived public status (ICANN's Not started / In progress / Complete), its waiting state, and how much of the record is confirmed (verification, source). The ETag is its version, for If-Match on changes.")
    ResponseEntity<RecommendationView> get(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant asOf) {
        return responses.ok(queries.get(id, asOf), asOf);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every change to a recommendation",
            description = "Oldest first: kind of change, actor (the token's sub; null for anonymous readers), time, note, "
                    + "and the state before and after.")
    List<RecommendationHistoryEntry> history(@PathVariable String id) {
        return queries.history(id);
    }

    @PostMapping
    @Operation(summary = "Add a recommendation to the catalogue",
            description = "In WS2 (the default) the id is the number and must start with an existing topic's prefix (e.g. 5.12 in Office of the Ombuds). "
                    + "In another programme (programme, e.g. ATRT3) give its number (e.g. 1.1, which makes the id ATRT3-1.1) and, for a topic the programme does not have yet, the topic's name: its topic ATRT3-1 is then added. "
                    + "The id must not exist yet; it starts NOT_STARTED, and a registered event is published.")
    @PreAuthorize(RoleRules.SUPPORT)
    ResponseEntity<RecommendationView> create(@Valid @RequestBody RecommendationRequests.Create request) {
        return responses.created(editing.create(request, Actor.current().name()));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Correct a recommendation's details",
            description = "Replaces every editable field (what is left out is cleared); If-Match with the version last read is required.")
    @PreAuthorize(RoleRules.SUPPORT)
    ResponseEntity<RecommendationView> update(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody RecommendationRequests.Update request) {
        return responses.replacing(ifMatch, (version, actor) -> editing.update(id, request, version, actor));
    }

    @PostMapping("/{id}/retirement")
    @Operation(summary = "Retire a recommendation",
            description = "It leaves the catalogue and reports but keeps its history; it is never deleted. If-Match is checked when sent.")
    @PreAuthorize(RoleRules.SUPPORT)
    ResponseEntity<RecommendationView> retire(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody RecommendationRequests.Retire request) {
        return responses.changed(ifMatch, (version, actor) -> editing.retire(id, request, version, actor));
    }

    @PostMapping("/{id}/transitions")
    @Operation(summary = "Move a recommendation through its lifecycle",
            description = "Body {\"to\",\"note\",\"overrideNote\"?}. Moves not in the lifecycle table, moves past planning while it waits on an unimplemented dependency (unless overrideNote explains why), and IMPLEMENTED without evidence are refused with 409. If-Match is checked when sent.")
    @PreAuthorize(RoleRules.SUPPORT)
    ResponseEntity<RecommendationView> transition(@PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TransitionRequest request) {
        return responses.changed(ifMatch, (version, actor) -> transitions.transition(id, request, version, actor));
    }

    enum SortOrder {
        asc, desc
    }
}
