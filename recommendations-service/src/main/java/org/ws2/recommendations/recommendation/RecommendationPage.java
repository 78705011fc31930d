package org.ws2.recommendations.recommendation;

import java.util.List;

/** One page of a filtered list, with the total so that a client can page through all of it. */
public record RecommendationPage(List<RecommendationView> items, int page, int size, long total) {
}
