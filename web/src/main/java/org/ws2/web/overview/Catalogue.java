package org.ws2.web.overview;

import org.ws2.web.api.Gateway;
import org.ws2.web.signin.SignedInUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every current recommendation, read page by page from the public list. */
final class Catalogue {

    private static final int PAGE = 200;

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> all(Gateway gateway, SignedInUser user) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            Map<String, Object> answer = gateway.get("/api/recommendations?size=" + PAGE + "&page=" + page, user);
            List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
            all.addAll(items);
            long total = ((Number) answer.get("total")).longValue();
            if (items.isEmpty() || all.size() >= total) {
                return all;
            }
        }
    }

    private Catalogue() {
    }
}
