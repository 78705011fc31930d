package org.ws2.notifications.subscription;

import java.util.List;

import org.ws2.service.problem.ApiProblem;

/**
 * What a subscription follows. Each non-empty filter must match an event (a filter matches when any
 * of its values does); no filters follows everything. In JSON its lists sit directly on the
 * subscription ({@code @JsonUnwrapped} where it is used), as they always have.
 */
public record SubscriptionFilters(
        List<String> groupIds,
        List<String> recommendationIds,
        List<String> topics,
        List<String> eventTypes,
        List<String> engagementKinds) {

    static final int MAX_VALUES = 100;
    static final int MAX_LENGTH = 200;

    /** The filters as a client sent them: omitted lists become empty, repeats go, bad values are refused. */
    SubscriptionFilters validated() {
        return new SubscriptionFilters(validated("groupIds", groupIds), validated("recommendationIds", recommendationIds),
                validated("topics", topics), validated("eventTypes", eventTypes),
                validated("engagementKinds", engagementKinds));
    }

    private static List<String> validated(String field, List<String> values) {
        List<String> filter = values == null ? List.of() : values.stream().distinct().toList();
        if (filter.size() > MAX_VALUES) {
            throw ApiProblem.invalidInput(field, field + " takes at most " + MAX_VALUES + " values.");
        }
        for (String value : filter) {
            if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
                throw ApiProblem.invalidInput(field,
                        field + " values must be non-blank and at most " + MAX_LENGTH + " characters.");
            }
        }
        return filter;
    }
}
