package org.ws2.web.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ws2.web.api.TrackerApi;

/**
 * The reports' download links: the reporting API serves every format at one address, told apart by {@code format},
 * so a page links to each format at that address with the same other query parameter.
 */
final class Downloads {

    private Downloads() {
    }

    /** Per format, in order: {@code path} with that format and {@code name=value}. */
    static Map<String, String> of(String path, List<String> formats, String name, Object value) {
        Map<String, Object> others = new LinkedHashMap<>();
        others.put(name, value);
        return of(path, formats, others);
    }

    /** Per format, in order: {@code path} with that format and the other parameters, in their order. */
    static Map<String, String> of(String path, List<String> formats, Map<String, ?> others) {
        Map<String, String> links = new LinkedHashMap<>();
        for (String format : formats) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("format", format);
            query.putAll(others);
            links.put(format, TrackerApi.path(path, query));
        }
        return links;
    }
}
