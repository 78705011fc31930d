package org.ws2.reporting.summary;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.ws2.contracts.recommendation.PublicStatus;
import org.ws2.contracts.recommendation.RecommendationStatus;

/**
 * How many recommendations are in each status, in the org's vocabulary and in ICANN's public
 * three-word one. Every status is listed, with 0 where there are none, so that clients need not
 * know the vocabulary to draw a complete chart.
 *
 * @param asOf when the latest change counted here happened; null before any is known
 */
public record StatusSummary(
        long total,
        Map<RecommendationStatus, Long> byStatus,
        Map<PublicStatus, Long> byPublicStatus,
        Instant asOf) {

    static StatusSummary of(Map<RecommendationStatus, Long> counts, Instant asOf) {
        Map<RecommendationStatus, Long> byStatus = new EnumMap<>(RecommendationStatus.class);
        Map<PublicStatus, Long> byPublicStatus = new EnumMap<>(PublicStatus.class);
        for (PublicStatus status : PublicStatus.values()) {
            byPublicStatus.put(status, 0L);
        }
        long total = 0;
        for (RecommendationStatus status : RecommendationStatus.values()) {
            long count = counts.getOrDefault(status, 0L);
            byStatus.put(status, count);
            byPublicStatus.merge(status.publicStatus(), count, Long::sum);
            total += count;
        }
        return new StatusSummary(total, Collections.unmodifiableMap(byStatus),
                Collections.unmodifiableMap(byPublicStatus), asOf);
    }
}
