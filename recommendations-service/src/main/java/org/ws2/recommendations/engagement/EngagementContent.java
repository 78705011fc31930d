package org.ws2.recommendations.engagement;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.ws2.contracts.ChangedFields;
import org.ws2.contracts.engagement.EngagementEvents.Kind;
import org.ws2.contracts.engagement.EngagementEvents.Link;

/**
 * What a user edits of an engagement item, already normalised: titles stripped, a blank
 * description or meeting absent, lists never null and recommendation and group ids without repeats.
 *
 * @param meeting  the ICANN public meeting it was part of ({@code ICANN71}), or null
 * @param groupIds the community groups involved, in the order given
 */
record EngagementContent(
        Kind kind,
        String title,
        LocalDate heldOn,
        String description,
        List<Link> links,
        List<String> recommendationIds,
        String meeting,
        List<String> groupIds) {

    EngagementContent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(heldOn, "heldOn");
        links = links == null ? List.of() : List.copyOf(links);
        recommendationIds = recommendationIds == null ? List.of() : List.copyOf(recommendationIds);
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    }

    /** The names of the fields whose value differs in {@code other}, in declaration order. */
    List<String> changedFields(EngagementContent other) {
        return ChangedFields.between(this, other);
    }
}
