package org.ws2.recommendations.engagement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ws2.contracts.engagement.EngagementEvents.Kind;
import org.ws2.contracts.engagement.EngagementEvents.Link;

/**
 * What a user edits of an engagement item, already normalised: titles stripped, a blank
 * description absent, lists never null and recommendation ids without repeats.
 */
record EngagementContent(
        Kind kind,
        String title,
        LocalDate heldOn,
        String description,
        List<Link> links,
        List<String> recommendationIds) {

    EngagementContent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(heldOn, "heldOn");
        links = links == null ? List.of() : List.copyOf(links);
        recommendationIds = recommendationIds == null ? List.of() : List.copyOf(recommendationIds);
    }

    /** The names of the fields whose value differs in {@code other}, in declaration order. */
    List<String> changedFields(EngagementContent other) {
        List<String> changed = new ArrayList<>();
        if (kind != other.kind) {
            changed.add("kind");
        }
        if (!title.equals(other.title)) {
            changed.add("title");
        }
        if (!heldOn.equals(other.heldOn)) {
            changed.add("heldOn");
        }
        if (!Objects.equals(description, other.description)) {
            changed.add("description");
        }
        if (!links.equals(other.links)) {
            changed.add("links");
        }
        if (!recommendationIds.equals(other.recommendationIds)) {
            changed.add("recommendationIds");
        }
        return changed;
    }
}
