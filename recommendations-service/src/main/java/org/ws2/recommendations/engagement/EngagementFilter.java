package org.ws2.recommendations.engagement;

import java.time.LocalDate;

import org.ws2.contracts.engagement.EngagementEvents.Kind;

/**
 * Which engagement items to list; every part is optional.
 *
 * @param from the earliest {@code heldOn}, inclusive
 * @param to   the latest {@code heldOn}, inclusive
 */
record EngagementFilter(String recommendationId, Kind kind, LocalDate from, LocalDate to) {
}
