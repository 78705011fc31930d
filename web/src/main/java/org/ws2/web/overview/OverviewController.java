package org.ws2.web.overview;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.ws2.web.api.Gateway;
import org.ws2.web.signin.SignedInUser;

/**
 * The public overview. The figures come from the recommendations API (always there); the reporting
 * service's summary is shown beside them when it answers, with the time of the last event it applied.
 */
@Controller
class OverviewController {

    private final Gateway gateway;

    OverviewController(Gateway gateway) {
        this.gateway = gateway;
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

    private void fill(SignedInUser user, Model model) {
        model.addAttribute("progress", Progress.of(Catalogue.all(gateway, user)));
        gateway.tryGet("/api/reports/summary", user).ifPresent(summary -> model.addAttribute("summary", summary.body()));
    }
}
