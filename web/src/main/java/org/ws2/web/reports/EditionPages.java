package org.ws2.web.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.ws2.web.FieldProblem;
import org.ws2.web.api.ApiException;
import org.ws2.web.api.Problem;
import org.ws2.web.api.TrackerApi;
import org.ws2.web.signin.SignedInUser;

/**
 * A quarter's update edition ({@code /reports/2021-Q2}, the address the reporting service gives editions and its
 * feed links to; {@code /reports/2021-Q2?programme=ATRT3} another programme's, issue 21): the edition as people read it, its revisions and downloads; support staff write the team's
 * sections in the browser and send the draft to review, an admin publishes it and, later, corrections. Every change
 * carries the version the page read (If-Match), so a page left open cannot overwrite a newer edition (412: reload).
 */
@Controller
@RequiredArgsConstructor
class EditionPages {

    /** A quarter in the path; anything else under /reports (the feed, say) is not an edition page. */
    static final String QUARTER = "{quarter:20\\d\\d-Q[1-4]}";
    static final List<String> DOWNLOADS = List.of("html", "pdf", "md", "pptx");
    /** The sections form's inputs, where a problem naming one of them (as {@code sections.<input>...}) is shown. */
    static final List<String> SECTION_FIELDS = List.of("groupLines", "highlights", "workstreams", "milestones", "asks",
            "aob", "contact");
    static final List<String> MILESTONE_STATUSES = List.of("NOT_STARTED", "IN_PROGRESS", "COMPLETE");
    /** A group's line is posted as {@code line.<group id>}: ids hold spaces and commas are the line's own. */
    static final String LINE = "line.";

    static final String PAGE = "/reports/{q}";
    static final String API = "/api/reports/editions/{q}";
    private static final String WS2 = "WS2";

    private final TrackerApi api;

    @GetMapping("/reports/" + QUARTER)
    String edition(@PathVariable String quarter, @RequestParam(required = false) String programme,
            @RequestParam(required = false) Integer revision, SignedInUser user, Model model) {
        fill(quarter, programme, revision, user, model);
        return "edition";
    }

    /** Writes the sections: creates the draft when the quarter has none (no version), else replaces them (If-Match). */
    @PostMapping("/reports/" + QUARTER)
    String write(@PathVariable String quarter, @RequestParam(required = false) String programme,
            @RequestParam MultiValueMap<String, String> form, SignedInUser user, Model model) {
        Map<String, Object> sections = sections(form);
        TrackerApi.Outcome outcome = api.send(HttpMethod.PUT, address(API, quarter, "", programme), sections,
                form.getFirst("version"), user);
        if (outcome.ok()) {
            return "redirect:" + address(PAGE, quarter, "", programme);
        }
        fill(quarter, programme, null, user, model);
        model.addAttribute("typed", typed(form));
        model.addAttribute(FieldProblem.MODEL, FieldProblem.of("sections", withinSections(outcome.problem()), SECTION_FIELDS));
        return "edition";
    }

    @PostMapping("/reports/" + QUARTER + "/{step:review|draft|publish}")
    String step(@PathVariable String quarter, @PathVariable String step,
            @RequestParam(required = false) String programme, @RequestParam(defaultValue = "") String version,
            SignedInUser user, Model model) {
        TrackerApi.Outcome outcome = api.send(HttpMethod.POST, address(API, quarter, "/" + step, programme), null,
                version, user);
        return afterChange(quarter, programme, outcome, "lifecycle", user, model);
    }

    @PostMapping("/reports/" + QUARTER + "/corrections")
    String correct(@PathVariable String quarter, @RequestParam(required = false) String programme,
            @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String version,
            SignedInUser user, Model model) {
        TrackerApi.Outcome outcome = api.send(HttpMethod.POST, address(API, quarter, "/corrections", programme),
                Map.of("note", note.strip()), version, user);
        if (!outcome.ok()) {
            model.addAttribute("note", note);
        }
        return afterChange(quarter, programme, outcome, "correction", user, model);
    }

    private String afterChange(String quarter, String programme, TrackerApi.Outcome outcome, String form,
            SignedInUser user, Model model) {
        if (outcome.ok()) {
            return "redirect:" + address(PAGE, quarter, "", programme);
        }
        fill(quarter, programme, null, user, model);
        model.addAttribute(FieldProblem.MODEL, FieldProblem.of(form, outcome.problem(), List.of("note")));
        return "edition";
    }

    /**
     * The edition, or for support staff a quarter with none yet (they may start its draft); a reader asking for an
     * edition not published gets the API's 404 as the page's.
     */
    @SuppressWarnings("unchecked")
    private void fill(String quarter, String programme, Integer revision, SignedInUser user, Model model) {
        TrackerApi.Outcome outcome = api.send(HttpMethod.GET,
                TrackerApi.path(TrackerApi.path(API, quarter), query(programme, "revision", revision)), null, null, user);
        boolean mayWrite = user != null && user.support();
        if (!outcome.ok() && !(outcome.status() == 404 && mayWrite && revision == null)) {
            throw new ApiException(outcome.problem());
        }
        Map<String, Object> edition = outcome.ok() ? outcome.body() : null;
        String status = edition == null ? null : String.valueOf(edition.get("status"));
        Map<String, String> downloads = Downloads.of(TrackerApi.path(API, quarter), DOWNLOADS,
                query(programme, "revision", revision));
        Map<Object, String> revisionPages = new LinkedHashMap<>();
        list(edition == null ? Map.of() : edition, "revisions").forEach(r -> revisionPages.put(r.get("revision"),
                TrackerApi.path(TrackerApi.path(PAGE, quarter), query(programme, "revision", r.get("revision")))));
        Map<String, String> actions = new LinkedHashMap<>();
        actions.put("write", address(PAGE, quarter, "", programme));
        for (String step : List.of("review", "draft", "publish", "corrections")) {
            actions.put(step, address(PAGE, quarter, "/" + step, programme));
        }
        model.addAttribute("quarter", quarter);
        // the heading names another programme; WS2's page reads as before programmes
        model.addAttribute("programme", programme == null || programme.isBlank() || WS2.equals(programme.strip())
                ? null : programme.strip());
        model.addAttribute("revisionPages", revisionPages);
        model.addAttribute("actions", actions);
        model.addAttribute("edition", edition);
        model.addAttribute("status", status);
        model.addAttribute("revision", revision);
        model.addAttribute("downloads", downloads);
        model.addAttribute("mayWrite", mayWrite && (edition == null || "DRAFT".equals(status)) && revision == null);
        model.addAttribute("maySendToReview", mayWrite && "DRAFT".equals(status));
        model.addAttribute("mayTakeBack", mayWrite && "IN_REVIEW".equals(status));
        model.addAttribute("mayPublish", user != null && user.admin() && "IN_REVIEW".equals(status));
        model.addAttribute("mayCorrect", user != null && user.admin() && "PUBLISHED".equals(status));
        model.addAttribute("typed", edition == null ? typed(new LinkedMultiValueMap<>())
                : shown(edition));
    }

    /**
     * An address of this edition, a page's ({@link #PAGE}) or the API's ({@link #API}), with {@code step} after the
     * quarter: WS2's as before programmes; another programme's, or one asked for by name, with {@code ?programme=}.
     */
    static String address(String root, String quarter, String step, String programme) {
        return TrackerApi.path(TrackerApi.path(root, quarter) + step, query(programme, null, null));
    }

    /** The query naming the programme as asked (none when not asked) and, when not null, {@code name=value}. */
    private static Map<String, Object> query(String programme, String name, Object value) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("programme", programme);
        if (name != null) {
            query.put(name, value);
        }
        return query;
    }

    /**
     * The edition's saved sections as the form shows them: one item per line. They are read from the API's
     * {@code sections} (given to support staff and admins), not from the printed edition: that prints a group's line
     * only under its stage sentence, without saying whose it is when a sentence is shared by several groups and only
     * some have lines, and a form missing a line deletes it on saving.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> shown(Map<String, Object> edition) {
        Map<String, Object> sections = edition.get("sections") instanceof Map<?, ?> saved ? (Map<String, Object>) saved
                : Map.of();
        Map<String, Object> form = new LinkedHashMap<>();
        Map<String, String> lines = new LinkedHashMap<>();
        list(sections, "groupLines").forEach(line -> lines.put(String.valueOf(line.get("groupId")),
                String.valueOf(line.get("text"))));
        form.put("lines", lines);
        form.put("highlights", String.join("\n", strings(sections, "highlights")));
        form.put("workstreams", String.join("\n", list(sections, "workstreams").stream()
                .map(w -> w.get("name") + ": " + w.get("status")).toList()));
        form.put("milestones", String.join("\n", list(sections, "milestones").stream()
                .map(m -> m.get("name") + " | " + m.get("targetQuarter") + " | "
                        + String.valueOf(m.get("status")).replace('_', ' ').toLowerCase(Locale.ROOT)).toList()));
        form.put("asks", String.join("\n", strings(sections, "asks")));
        form.put("aob", String.join("\n", strings(sections, "aob")));
        form.put("contact", sections.get("contact") == null ? "" : sections.get("contact"));
        return form;
    }

    /** What was typed, shown again after a refusal. */
    static Map<String, Object> typed(MultiValueMap<String, String> form) {
        Map<String, Object> typed = new LinkedHashMap<>();
        Map<String, String> lines = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(LINE)) {
                lines.put(name.substring(LINE.length()), values.get(0));
            }
        });
        typed.put("lines", lines);
        for (String field : List.of("highlights", "workstreams", "milestones", "asks", "aob", "contact")) {
            typed.put(field, form.getFirst(field) == null ? "" : form.getFirst(field));
        }
        return typed;
    }

    /**
     * The form as the API's sections: a line per group that has one; the lists one item per line, a workstream as
     * "name: how it stands", a milestone as "name | target quarter | status". What cannot be read is sent empty, so
     * the API names the field and the item.
     */
    static Map<String, Object> sections(MultiValueMap<String, String> form) {
        List<Map<String, String>> groupLines = new ArrayList<>();
        form.forEach((name, values) -> {
            String text = values.get(0).strip();
            if (name.startsWith(LINE) && !text.isEmpty()) {
                Map<String, String> line = new LinkedHashMap<>();
                line.put("groupId", name.substring(LINE.length()));
                line.put("text", text);
                groupLines.add(line);
            }
        });
        Map<String, Object> sections = new LinkedHashMap<>();
        sections.put("groupLines", groupLines);
        sections.put("highlights", lines(form.getFirst("highlights")));
        sections.put("workstreams", lines(form.getFirst("workstreams")).stream().map(line -> {
            String[] parts = line.split(":", 2);
            Map<String, String> workstream = new LinkedHashMap<>();
            workstream.put("name", parts[0].strip());
            workstream.put("status", parts.length > 1 ? parts[1].strip() : null);
            return workstream;
        }).toList());
        sections.put("milestones", lines(form.getFirst("milestones")).stream().map(line -> {
            String[] parts = line.split("\\|", 3);
            Map<String, String> milestone = new LinkedHashMap<>();
            milestone.put("name", parts[0].strip());
            milestone.put("targetQuarter", parts.length > 1 ? parts[1].strip() : null);
            String status = parts.length > 2 ? parts[2].strip().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_") : "";
            milestone.put("status", MILESTONE_STATUSES.contains(status) ? status : null);
            return milestone;
        }).toList());
        sections.put("asks", lines(form.getFirst("asks")));
        sections.put("aob", lines(form.getFirst("aob")));
        String contact = form.getFirst("contact");
        sections.put("contact", contact == null || contact.isBlank() ? null : contact.strip());
        return sections;
    }

    /** The API names the sections' fields {@code sections.highlights[2]}; the form's inputs are the sections. */
    private static Problem withinSections(Problem problem) {
        String field = problem.field() == null ? null : problem.field().replaceFirst("^sections\\.", "");
        return new Problem(problem.status(), problem.type(), problem.title(), problem.detail(), field, problem.retryAfter());
    }

    private static List<String> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> from, String name) {
        return from.get(name) instanceof List<?> items ? (List<Map<String, Object>>) items : List.of();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> from, String name) {
        return from.get(name) instanceof List<?> items ? (List<String>) items : List.of();
    }
}
