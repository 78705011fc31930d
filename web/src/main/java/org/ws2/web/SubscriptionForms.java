package org.ws2.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the subscription forms (a person's notification settings, an admin's webhooks) send, as the API's
 * subscription request wants it: each filter is typed as comma-separated values (a blank one is no filter).
 */
public final class SubscriptionForms {

    private SubscriptionForms() {
    }

    /** Each of {@code filters} the form typed, as the request's list of that name (blank: no filter). */
    public static void putFilters(Map<String, Object> request, List<String> filters, Map<String, String> form) {
        for (String filter : filters) {
            request.put(filter, values(form.get(filter)));
        }
    }

    /** "ALAC, GAC" → [ALAC, GAC]; blank → no filter. */
    private static List<String> values(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split(",")).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }
}
