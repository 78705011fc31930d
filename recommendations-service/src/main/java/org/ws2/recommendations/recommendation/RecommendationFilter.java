package org.ws2.recommendations.recommendation;

import org.ws2.contracts.recommendation.RecommendationStatus;

/**
 * @param topic  a topic's prefix ({@code 1}) or name ({@code Diversity}), or null for all
 * @param status a lifecycle status, or null for all
 */
record RecommendationFilter(String topic, RecommendationStatus status) {
}
