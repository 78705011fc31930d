package org.ws2.web.overview;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.ws2.contracts.EventFamily;
import org.ws2.web.api.TrackerApi;
import org.ws2.web.signin.SignedInUser;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public overview: the reporting service's progress read model (the dashboard it keeps from the
 * events), each SO's and AC's stage, the five most recently completed recommendations and the programme
 * milestones of the newest published update, four bounded reads whatever the size of the catalogue. When
 * the reporting service does not answer, the page says so instead of failing.
 */
@Controller
@RequiredArgsConstructor
class OverviewController {

    /**
     * The public stream's event types after which the live part is fetched again: every change of a
     * recommendation, a group or an assignment moves a figure or a stage on it (engagements and editions
     * do not). The stream names each event by its type, so the page's script listens for these by name.
     */
    static final String LIVE_EVENTS = Stream.of(EventFamily.RECOMMENDATIONS, EventFamily.GROUPS, EventFamily.ASSIGNMENTS)
            .flatMap(family -> family.types().keySet().stream()).sorted().collect(Collectors.joining(" "));

    private final TrackerApi api;

    @GetMapping("/")
    String overview(SignedInUser user, Model model) {
        fill(user, model);
        // the programme milestones of the newest published update, late or not as of today; none published (or
        // reporting not answering): the page says nothing of them. They change when an update is published, not
        // with the events the live part follows, so only the whole page reads them.
        api.tryGet("/api/reports/milestones", user).map(TrackerApi.Outcome::body)
                .filter(milestones -> milestones.get("edition") != null).ifPresent(milestones -> {
                    model.addAttribute("milestonesFrom", milestones.get("edition"));
                    model.addAttribute("milestones", milestones.get("milestones"));
                });
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
        model.addAttribute("liveEvents", LIVE_EVENTS);
        api.tryGet("/api/reports/progress", user).ifPresent(progress -> {
            List<Map<String, Object>> completed = (List<Map<String, Object>>) api
                    .get("/api/recommendations?status=IMPLEMENTED&sort=updatedAt&order=desc&size=5", user).get("items");
            model.addAttribute("figures", OverviewFigures.of(progress.body(), completed));
        });
        // every group's stage in one read; on its own, so that the figures show when only this read fails
        api.tryGet("/api/reports/groups", user)
                .ifPresent(groups -> model.addAttribute("soac", SoAcStages.of(groups.body()).lines()));
    }
}
