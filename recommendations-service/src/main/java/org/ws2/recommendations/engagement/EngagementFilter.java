package org.ws2.recommendations.engagement;

import java.time.LocalDate;

import org.ws2.contracts.engagement.EngagementEvents.Kind;

/**
 * Which engagement items to list; every part is optional.
 *
 * @param from    the earliest {@code heldOn}, inclusive
 * @param to      the latest {@code heldOn}, inclusive
 * @param meeting only items of this ICANN public meeting ({@code ICANN71})
 * @param groupId only items that involve this group
 */
record EngagementFilter(String recommendationId, Kind kind, LocalDate from, LocalDate to, String meeting,
        String groupId) {
}
