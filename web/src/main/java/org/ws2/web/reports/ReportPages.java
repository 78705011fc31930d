package org.ws2.web.reports;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.ws2.contracts.recommendation.Programmes;
import org.ws2.web.ProgrammeChoice;
import org.ws2.web.api.TrackerApi;
import org.ws2.web.signin.SignedInUser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The quarterly report for any quarter: links to every format the reporting service offers, with an
 * "as of" date. The reports are the reporting service's own pages and files; this page only finds them.
 * It also lists the quarterly update's editions (each one's page is {@link EditionPages}) and their Atom feed.
 */
@Controller
@RequiredArgsConstructor
class ReportPages {

    private final TrackerApi api;

    static final List<String> FORMATS = List.of("html", "pdf", "md", "csv", "json");
    static final Pattern QUARTER = Pattern.compile("^20\\d\\d-Q[1-4]$");

    @GetMapping("/reports")
    String reports(@RequestParam(defaultValue = "") String quarter, @RequestParam(defaultValue = "") String asOf,
            @RequestParam(defaultValue = "") String programme, SignedInUser user, Model model) {
        List<String> quarters = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (int year = today.getYear(); year >= 2021; year--) {
            for (int q = 4; q >= 1; q--) {
                if (LocalDate.of(year, (q - 1) * 3 + 1, 1).isAfter(today)) {
                    continue;
                }
                quarters.add(year + "-Q" + q);
            }
        }
        String chosen = QUARTER.matcher(quarter).matches() ? quarter : "2021-Q2";
        String date = asOf.matches("^\\d{4}-\\d{2}-\\d{2}$") ? asOf : "";
        // every part of the page is one programme's; WS2's page reads as before programmes, whose parameter is left out
        String shown = ProgrammeChoice.asked(programme);
        String other = Programmes.WS2.equals(shown) ? "" : shown;
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("asOf", date);
        scope.put("programme", other);
        Map<String, String> links = Downloads.of("/api/reports/quarterly/" + chosen, FORMATS, scope);
        // the editions are the page's second part: without the reporting service the links above still work
        model.addAttribute("editions", api.tryGet(TrackerApi.path("/api/reports/editions", Map.of("programme", other)), user)
                .map(answer -> answer.body().get("items")).orElse(null));
        // the choice is offered when more than one programme is tracked; without the catalogue, none is
        @SuppressWarnings("unchecked")
        List<String> programmes = api.tryGet("/api/topics", user)
                .map(answer -> ProgrammeChoice.tracked((List<Map<String, Object>>) answer.body().get("items")))
                .orElse(List.of());
        model.addAttribute("programmes", programmes.size() > 1 ? programmes : List.of());
        model.addAttribute("programme", shown);
        model.addAttribute("otherProgramme", other.isEmpty() ? null : other);
        model.addAttribute("quarters", quarters);
        model.addAttribute("quarter", chosen);
        model.addAttribute("asOf", date);
        model.addAttribute("links", links);
        model.addAttribute("progressLink", TrackerApi.path("/api/reports/progress", scope));
        model.addAttribute("groupsLink", TrackerApi.path("/api/reports/groups", scope));
        model.addAttribute("matrixLink", TrackerApi.path("/api/reports/matrix", scope));
        return "reports";
    }
}
