package org.ws2.recommendations.engagement;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.ws2.contracts.engagement.EngagementEvents.Kind;
import org.ws2.contracts.engagement.EngagementEvents.Link;
import org.ws2.service.problem.ApiProblem;

/**
 * The body of {@code POST} and {@code PUT /api/engagements}: every editable field, so that a
 * {@code PUT} replaces the item's content whole (what is left out is cleared).
 *
 * @param links             links to the item's materials, at most {@value #MAX_LINKS}
 * @param recommendationIds the recommendations it concerns, at most {@value #MAX_RECOMMENDATIONS};
 *                          each must exist, and a repeated id counts once
 * @param meeting           the ICANN public meeting it was part of, e.g. {@code ICANN71}; blank or absent for none
 * @param groupIds          the community groups involved, at most {@value #MAX_GROUPS}, each once; this service
 *                          does not own groups, so only the shape of each id is checked
 */
record EngagementRequest(
        @NotNull Kind kind,
        @NotBlank @Size(max = 300) String title,
        @NotNull LocalDate heldOn,
        @Size(max = 10_000) String description,
        @Size(max = MAX_LINKS) List<@NotNull @Valid LinkRequest> links,
        @Size(max = MAX_RECOMMENDATIONS) List<@NotBlank @Size(max = 20) String> recommendationIds,
        @Size(max = 40) @Pattern(regexp = MEETING_PATTERN,
                message = "must be an ICANN public meeting, ICANN and its number, e.g. ICANN71") String meeting,
        @Size(max = MAX_GROUPS) List<@NotBlank @Pattern(regexp = GROUP_ID_PATTERN,
                message = "must be a group id: letters, digits and dashes, e.g. ALAC") String> groupIds) {

    static final int MAX_LINKS = 20;
    static final int MAX_RECOMMENDATIONS = 50;
    static final int MAX_GROUPS = 50;
    /** ICANN numbers its public meetings (ICANN71 was June 2021); surrounding blanks are dropped, blank is none. */
    static final String MEETING_PATTERN = "^\\s*(ICANN[1-9][0-9]*)?\\s*$";
    /** The shape of a group id in the groups service (which owns groups), blanks around it dropped. */
    static final String GROUP_ID_PATTERN = "^\\s*[A-Za-z][A-Za-z0-9-]{0,49}\\s*$";
    /** An absolute http(s) URL with a host and no white space or control characters. */
    static final String URL_PATTERN = "^https?://[^\\s\\p{Cntrl}/?#]+([/?#][^\\s\\p{Cntrl}]*)?$";
    /** WS2 began in 2016 and its implementation runs for years: a date far outside is a typo. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    record LinkRequest(
            @NotBlank @Size(max = 300) String title,
            @NotBlank @Size(max = 2000) @Pattern(regexp = URL_PATTERN, flags = Pattern.Flag.CASE_INSENSITIVE,
                    message = "must be an http or https URL") String url) {
    }

    /**
     * The normalised content; fails with a problem naming {@code heldOn} if the date is implausible, or
     * {@code groupIds} if a group is named twice (a list of groups involved names each once).
     */
    EngagementContent content() {
        if (heldOn.isBefore(EARLIEST) || heldOn.isAfter(LATEST)) {
            throw ApiProblem.invalidInput("heldOn",
                    "heldOn: must be between " + EARLIEST + " and " + LATEST + ", not " + heldOn + ".");
        }
        String strippedDescription = description == null || description.isBlank() ? null : description.strip();
        List<Link> normalisedLinks = links == null ? List.of()
                : links.stream().map(link -> new Link(link.title().strip(), link.url().strip())).toList();
        List<String> ids = recommendationIds == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(recommendationIds.stream().map(String::strip).toList()));
        String strippedMeeting = meeting == null || meeting.isBlank() ? null : meeting.strip();
        List<String> groups = groupIds == null ? List.of() : groupIds.stream().map(String::strip).toList();
        if (new HashSet<>(groups).size() < groups.size()) {
            throw ApiProblem.invalidInput("groupIds", "groupIds: names a group more than once.");
        }
        return new EngagementContent(kind, title.strip(), heldOn, strippedDescription, normalisedLinks, ids,
                strippedMeeting, groups);
    }
}
