package org.ws2.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ws2.web.api.TrackerApi;

/**
 * Where a paged list stands (templates: {@code ~{fragments :: pager}}): this page, how many there are, and
 * each page's link with the same filter, so that paging never loses what the person filtered by.
 *
 * @param path   the list page's own path, e.g. {@code /engagements}
 * @param filter the filter as the page shows it (blank values are left out of links)
 */
public record Pager(String path, Map<String, String> filter, int page, long pages) {

    /** The list after the API said how many items match: at least one page, even an empty one. */
    public static Pager of(String path, Map<String, String> filter, int page, long total, int size) {
        return new Pager(path, Collections.unmodifiableMap(new LinkedHashMap<>(filter)), page, Math.max(1, (total + size - 1) / size));
    }

    /** The page a link asked for: 0 for none, a negative number or anything that is not one. */
    public static int requested(String page) {
        try {
            return page == null ? 0 : Math.max(0, Integer.parseInt(page));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    public String link(int to) {
        Map<String, Object> query = new LinkedHashMap<>(filter);
        query.put("page", to);
        return TrackerApi.path(path, query);
    }
}
