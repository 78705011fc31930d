package org.ws2.web.recommendation;

import static org.ws2.web.FormValues.blankToNull;
import static org.ws2.web.FormValues.typed;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.ws2.web.api.Problem;
import org.ws2.web.api.TrackerApi;
import org.ws2.web.FieldProblem;
import org.ws2.web.Pager;
import org.ws2.web.ProgrammeChoice;
import org.ws2.web.signin.SignedInUser;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public catalogue: a filtered, paged list and one recommendation with everything known about it;
 * for support staff and admins, the catalogue's upkeep too (add, correct, retire, flag for coordination,
 * dependencies). Every change goes to the API with the version the page showed as If-Match where the API
 * takes one, so a form read before someone else's change is refused (412), never applied over it.
 */
@Controller
@RequiredArgsConstructor
class RecommendationPages {

    static final int PAGE_SIZE = 25;
    static final List<String> STATUSES = List.of("NOT_STARTED", "PLANNING", "IN_PROGRESS", "DOCUMENTING", "IMPLEMENTED", "ON_HOLD");
    static final List<String> OWNERSHIPS = List.of("ORG", "COMMUNITY", "CO_OWNED");
    static final List<String> FLAGS = List.of("REQUIRED", "WOULD_BENEFIT", "NONE");

    private final TrackerApi api;

    /** The inputs of each catalogue form, where a problem naming one of them is shown. */
    static final List<String> CREATE_FIELDS = List.of("programme", "id", "number", "topic", "title", "summary", "ownership",
            "targetQuarter", "tags", "note");
    /** The programme of every recommendation that names none (the API's default). */
    static final String WS2 = "WS2";
    static final List<String> EDIT_FIELDS = List.of("title", "summary", "ownership", "sharedWith", "implementers",
            "targetQuarter", "tags", "note");
    static final List<String> SHARED_OWNERS = List.of("BOARD", "NOMCOM");

    @GetMapping("/recommendations")
    String list(@RequestParam Map<String, String> params, SignedInUser user, Model model) {
        fillList(params, user, model);
        Map<String, String> blank = typed(Map.of(), CREATE_FIELDS);
        blank.put("ownership", "ORG");
        model.addAttribute("createForm", blank);
        return "recommendations";
    }

    /**
     * Support staff add a recommendation; the API checks the id against the topics and every field. In WS2
     * (no programme, as before programmes) the number typed is the id; in another programme (ATRT3) it is
     * the number there, the API makes the id (ATRT3-1.1), and a topic the programme lacks is named.
     */
    @PostMapping("/recommendations")
    String create(@RequestParam Map<String, String> form, SignedInUser user, Model model) {
        Map<String, String> typed = typed(form, CREATE_FIELDS);
        Map<String, Object> body = new LinkedHashMap<>();
        String code = typed.get("programme").strip();
        String id = typed.get("id").strip();
        if (code.isEmpty() || code.equals(WS2)) {
            body.put("id", id);
        } else {
            body.put("programme", code);
            body.put("number", id);
        }
        if (!typed.get("topic").isBlank()) {
            body.put("topic", typed.get("topic").strip());
        }
        body.put("title", typed.get("title").strip());
        body.put("summary", blankToNull(typed.get("summary")));
        body.put("ownership", blankToNull(typed.get("ownership")));
        body.put("targetQuarter", blankToNull(typed.get("targetQuarter")));
        body.put("tags", tags(typed.get("tags")));
        body.put("note", blankToNull(typed.get("note")));
        TrackerApi.Outcome outcome = api.send(HttpMethod.POST, "/api/recommendations", body, null, user);
        if (outcome.ok()) {
            return "redirect:" + TrackerApi.path("/recommendations/{id}", String.valueOf(outcome.body().get("id")));
        }
        fillList(Map.of(), user, model);
        model.addAttribute("createForm", typed);
        model.addAttribute(FieldProblem.MODEL, FieldProblem.of("create", outcome.problem(), CREATE_FIELDS));
        return "recommendations";
    }

    private void fillList(Map<String, String> params, SignedInUser user, Model model) {
        Map<String, String> filter = new LinkedHashMap<>();
        for (String name : List.of("programme", "topic", "status", "ownership", "coordination", "tag", "q")) {
            filter.put(name, params.getOrDefault(name, "").strip());
        }
        // "as of" a past day: the catalogue as it stood at the end of that day (UTC)
        String asOf = params.getOrDefault("asOf", "").strip();
        filter.put("asOf", asOf.matches("^\\d{4}-\\d{2}-\\d{2}$") ? asOf : "");
        int page = Pager.requested(params.get("page"));
        Map<String, Object> query = new LinkedHashMap<>(filter);
        query.put("asOf", filter.get("asOf").isEmpty() ? null : filter.get("asOf") + "T23:59:59Z");
        query.put("page", page);
        query.put("size", PAGE_SIZE);
        Map<String, Object> answer = api.get(TrackerApi.path("/api/recommendations", query), user);
        long total = ((Number) answer.get("total")).longValue();
        model.addAttribute("filter", filter);
        model.addAttribute("recommendations", answer.get("items"));
        model.addAttribute("total", total);
        model.addAttribute("pager", Pager.of("/recommendations", filter, page, total, PAGE_SIZE));
        List<Map<String, Object>> topics = api.getList("/api/topics", user);
        // the programmes tracked, WS2's first as the API lists its topics; the filter is shown only when
        // there is a choice, and with a programme chosen the topics offered are its own
        List<String> programmes = ProgrammeChoice.tracked(topics);
        String chosen = filter.get("programme");
        model.addAttribute("programmes", programmes.size() > 1 ? programmes : List.of());
        model.addAttribute("topics", chosen.isEmpty() ? topics
                : topics.stream().filter(t -> ProgrammeChoice.of(t).equals(chosen)).toList());
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("ownerships", OWNERSHIPS);
        model.addAttribute("flags", FLAGS);
        model.addAttribute("canEditCatalogue", user != null && user.support());
    }

    /** A topic's or a recommendation's programme; WS2 when the API names none (as before programmes). */
    @GetMapping("/recommendations/{id}")
    String detail(@PathVariable String id, SignedInUser user, Model model) {
        fill(id, user, model);
        return "recommendation";
    }

    /** Org leads and support move a recommendation through its lifecycle, with a note. */
    @PostMapping("/recommendations/{id}/transition")
    String transition(@PathVariable String id, @RequestParam String to, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String version, SignedInUser user, Model model) {
        TrackerApi.Outcome outcome = api.send(HttpMethod.POST, TrackerApi.path("/api/recommendations/{id}/transitions", id),
                Map.of("to", to, "note", note), version, user);
        if (outcome.ok()) {
            return "redirect:" + TrackerApi.path("/recommendations/{id}", id) + "#timeline";
        }
        fill(id, user, model);
        model.addAttribute("transitionProblem", outcome.problem());
        model.addAttribute("transitionForm", Map.of("to", to, "note", note));
        return "recommendation";
    }

    /** Org leads and support attach evidence: a link, or an uploaded document (the API checks its type and size). */
    @PostMapping("/recommendations/{id}/evidence")
    String addEvidence(@PathVariable String id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String date, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String url, @RequestParam(required = false) MultipartFile file,
            SignedInUser user, Model model) {
        TrackerApi.Outcome outcome;
        if (file != null && !file.isEmpty()) {
            MultipartBodyBuilder parts = new MultipartBodyBuilder();
            parts.part("file", file.getResource()).contentType(file.getContentType() == null
                    ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(file.getContentType()));
            parts.part("title", title);
            parts.part("date", date);
            if (!note.isBlank()) {
                parts.part("note", note);
            }
            outcome = api.send(HttpMethod.POST, TrackerApi.path("/api/recommendations/{id}/evidence", id), parts.build(), null, user);
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", title);
            body.put("url", url.isBlank() ? null : url.strip());
            body.put("date", date.isBlank() ? null : date);
            body.put("note", note.isBlank() ? null : note);
            outcome = api.send(HttpMethod.POST, TrackerApi.path("/api/recommendations/{id}/evidence", id), body, null, user);
        }
        if (outcome.ok()) {
            return "redirect:" + TrackerApi.path("/recommendations/{id}", id) + "#evidence";
        }
        fill(id, user, model);
        model.addAttribute("evidenceProblem", outcome.problem());
        model.addAttribute("evidenceForm", Map.of("title", title, "date", date, "note", note, "url", url));
        return "recommendation";
    }

    /** Corrects the details: the API replaces every editable field, so the form carries them all. */
    @PostMapping("/recommendations/{id}/details")
    String edit(@PathVariable String id, @RequestParam(defaultValue = "") String title,
            @RequestParam(defaultValue = "") String summary, @RequestParam(defaultValue = "") String ownership,
            @RequestParam(required = false) List<String> sharedWith, @RequestParam(defaultValue = "") String implementers,
            @RequestParam(defaultValue = "") String targetQuarter, @RequestParam(defaultValue = "") String tags,
            @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String version,
            SignedInUser user, Model model) {
        List<String> shared = sharedWith == null ? List.of() : sharedWith;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title.strip());
        body.put("summary", blankToNull(summary));
        body.put("ownership", blankToNull(ownership));
        body.put("sharedWith", shared);
        body.put("implementers", implementers.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
        body.put("targetQuarter", blankToNull(targetQuarter));
        body.put("tags", tags(tags));
        body.put("note", blankToNull(note));
        TrackerApi.Outcome outcome = api.send(HttpMethod.PUT, TrackerApi.path("/api/recommendations/{id}", id), body, version, user);
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("title", title);
        typed.put("summary", summary);
        typed.put("ownership", ownership);
        typed.put("sharedWith", shared);
        typed.put("implementers", implementers);
        typed.put("targetQuarter", targetQuarter);
        typed.put("tags", tags);
        typed.put("note", note);
        return changed(id, "", outcome, FieldProblem::of, "edit", EDIT_FIELDS, Map.of("editForm", typed), user, model);
    }

    /** Retires it with a reason: it leaves the catalogue and reports but keeps its history. */
    @PostMapping("/recommendations/{id}/retirement")
    String retire(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String version, SignedInUser user, Model model) {
        TrackerApi.Outcome outcome = api.send(HttpMethod.POST, TrackerApi.path("/api/recommendations/{id}/retirement", id),
                Map.of("reason", reason.strip()), version, user);
        return changed(id, "", outcome, FieldProblem::of, "retire", List.of("reason"),
                Map.of("retireForm", Map.of("reason", reason)), user, model);
    }

    /** Sets, changes or clears ({@code NONE}) the coordination flag; the rationale is the note SO/AC leaders read. */
    @PostMapping("/recommendations/{id}/coordination")
    String coordination(@PathVariable String id, @RequestParam(defaultValue = "") String level,
            @RequestParam(defaultValue = "") String rationale, @RequestParam(defaultValue = "") String version,
            SignedInUser user, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", blankToNull(level));
        body.put("rationale", rationale.strip());
        TrackerApi.Outcome outcome = api.send(HttpMethod.PUT, TrackerApi.path("/api/recommendations/{id}/coordination", id),
                body, version, user);
        return changed(id, "#coordination", outcome, FieldProblem::of, "coordination", List.of("level", "rationale"),
                Map.of("coordinationForm", Map.of("level", level, "rationale", rationale)), user, model);
    }

    /** Makes it wait on another recommendation; a cycle or an unknown id is refused beside the id typed. */
    @PostMapping("/recommendations/{id}/dependencies")
    String addDependency(@PathVariable String id, @RequestParam(defaultValue = "") String dependsOnId,
            @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String version,
            SignedInUser user, Model model) {
        TrackerApi.Outcome outcome = dependsOnId.isBlank()
                // the id is part of the API's path: without it there is no request to send
                ? new TrackerApi.Outcome(400, null, null, new Problem(400, null, "Invalid input",
                        "Name the recommendation it waits on, such as 2.3.", "dependsOnId"))
                : api.send(HttpMethod.PUT, TrackerApi.path("/api/recommendations/{id}/dependencies/{d}", id, dependsOnId.strip()),
                        java.util.Collections.singletonMap("note", blankToNull(note)), version, user);
        // the API's refusals of this request (a cycle, an unknown id) concern the id typed unless they name the note
        return changed(id, "#dependencies", outcome,
                (form, problem, fields) -> new FieldProblem(form, "note".equals(problem.field()) ? "note" : "dependsOnId", problem),
                "dependency", List.of("dependsOnId", "note"),
                Map.of("dependencyForm", Map.of("dependsOnId", dependsOnId, "note", note)), user, model);
    }

    @PostMapping("/recommendations/{id}/dependencies/{dependsOnId}/removal")
    String removeDependency(@PathVariable String id, @PathVariable String dependsOnId,
            @RequestParam(defaultValue = "") String version, SignedInUser user, Model model) {
        TrackerApi.Outcome outcome = api.send(HttpMethod.DELETE,
                TrackerApi.path("/api/recommendations/{id}/dependencies/{d}", id, dependsOnId), null, version, user);
        return changed(id, "#dependencies", outcome, FieldProblem::of, "removal", List.of(), Map.of(), user, model);
    }

    /** Where a form's refusal is shown: beside which of its inputs. */
    interface Placing {
        FieldProblem place(String form, Problem problem, List<String> fields);
    }

    /**
     * Success: back to the recommendation (post/redirect/get). A refusal: the same page, the problem beside
     * the input it names and the form as it was typed, so nothing typed is lost and nothing was changed.
     */
    private String changed(String id, String anchor, TrackerApi.Outcome outcome, Placing placing, String form,
            List<String> fields, Map<String, Object> typed, SignedInUser user, Model model) {
        if (outcome.ok()) {
            return "redirect:" + TrackerApi.path("/recommendations/{id}", id) + anchor;
        }
        model.addAllAttributes(typed);
        fill(id, user, model);
        model.addAttribute(FieldProblem.MODEL, placing.place(form, outcome.problem(), fields));
        return "recommendation";
    }

    @SuppressWarnings("unchecked")
    private void fill(String id, SignedInUser user, Model model) {
        Map<String, Object> recommendation = api.get(TrackerApi.path("/api/recommendations/{id}", id), user);
        model.addAttribute("rec", recommendation);
        model.addAttribute("programme", ProgrammeChoice.of(recommendation));
        List<Map<String, Object>> history = api.getList(TrackerApi.path("/api/recommendations/{id}/history", id), user);
        List<Map<String, Object>> newestFirst = new java.util.ArrayList<>(history);
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("history", newestFirst);
        model.addAttribute("evidence", api.tryGet(TrackerApi.path("/api/recommendations/{id}/evidence", id), user)
                .map(o -> o.raw() instanceof List<?> l ? l : o.body().get("items")).orElse(List.of()));
        model.addAttribute("engagements", api.tryGet(TrackerApi.path("/api/engagements", Map.of("recommendationId", id, "size", 100)), user)
                .map(o -> o.body().get("items")).orElse(List.of()));
        model.addAttribute("assignments", api.tryGet(TrackerApi.path("/api/assignments", Map.of("recommendationId", id, "size", 500)), user)
                .map(o -> o.body().get("items")).orElse(null));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("ownerships", OWNERSHIPS);
        model.addAttribute("sharedOwners", SHARED_OWNERS);
        model.addAttribute("canEditCatalogue", user != null && user.support() && !Boolean.TRUE.equals(recommendation.get("retired")));
        if (!model.containsAttribute("editForm")) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("title", recommendation.get("title"));
            form.put("summary", recommendation.get("summary"));
            form.put("ownership", recommendation.get("ownership"));
            form.put("sharedWith", recommendation.getOrDefault("sharedWith", List.of()));
            form.put("implementers", String.join("\n", (List<String>) recommendation.getOrDefault("implementers", List.of())));
            form.put("targetQuarter", recommendation.get("targetQuarter"));
            form.put("tags", String.join(", ", (List<String>) recommendation.getOrDefault("tags", List.of())));
            form.put("note", "");
            model.addAttribute("editForm", form);
        }
    }

    /** Tags as people type them, separated by commas (a tag may hold spaces: "SO/AC accountability"). */
    private static List<String> tags(String typed) {
        return Arrays.stream(typed.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }
}
