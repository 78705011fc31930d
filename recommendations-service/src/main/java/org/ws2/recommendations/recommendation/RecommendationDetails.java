package org.ws2.recommendations.recommendation;

import java.util.List;

import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.SharedOwner;

/** What authorised users edit about a recommendation, as opposed to its lifecycle. */
public record RecommendationDetails(
        String title,
        String summary,
        Ownership ownership,
        List<SharedOwner> sharedWith,
        List<String> implementers,
        String targetQuarter,
        List<String> tags) {

    public RecommendationDetails {
        summary = summary == null ? "" : summary;
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
        implementers = implementers == null ? List.of() : List.copyOf(implementers);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
