package org.ws2.web.overview;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.ws2.web.api.TrackerApi;
import org.ws2.web.signin.SignedInUser;

import java.util.List;
import java.util.Map;

/**
 * The public overview: the reporting service's progress read model (the dashboard it keeps from the
 * events) and the five most recently completed recommendations, two bounded reads whatever the size of
 * the catalogue. When the reporting service does not answer, the page says so instead of failing.
 */
@Controller
class OverviewController {

    private final TrackerApi api;

    OverviewController(TrackerApi api) {
        this.api = api;
    }

    @GetMapping("/")
    String overview(SignedInUser user, Model model) {
        fill(user, model);
        return "overview";
    }

    /** Only the live part, fetched again by the page's script when something changes. */
    @GetMapping("/overview/live")
    String live(SignedInUser user, Model model) {
        fill(user, model);
        return "overview :: live";
    }

    @SuppressWarnings("unchecked")
    private void fill(SignedInUser user, Model model) {
        api.tryGet("/api/reports/progress", user).ifPresent(progress -> {
            List<Map<String, Object>> completed = (List<Map<String, Object>>) api
                    .get("/api/recommendations?status=IMPLEMENTED&sort=updatedAt&order=desc&size=5", user).get("items");
            model.addAttribute("figures", OverviewFigures.of(progress.body(), completed));
        });
    }
}
