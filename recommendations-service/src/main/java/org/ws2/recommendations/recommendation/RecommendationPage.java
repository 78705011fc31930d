package org.ws2.recommendations.recommendation;

import java.time.Instant;
import java.util.List;

/**
 * One page of a filtered list, with the total so that a client can page through all of it.
 *
 * @param asOf the past instant the list describes, or null for now
 */
public record RecommendationPage(List<RecommendationView> items, int page, int size, long total, Instant asOf) {
}
