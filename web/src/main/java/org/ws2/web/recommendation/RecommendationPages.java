package org.ws2.web.recommendation;

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
import org.ws2.web.api.TrackerApi;
import org.ws2.web.signin.SignedInUser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The public catalogue: a filtered, paged list and one recommendation with everything known about it. */
@Controller
class RecommendationPages {

    static final int PAGE_SIZE = 25;
    static final List<String> STATUSES = List.of("NOT_STARTED", "PLANNING", "IN_PROGRESS", "DOCUMENTING", "IMPLEMENTED", "ON_HOLD");
    static final List<String> OWNERSHIPS = List.of("ORG", "COMMUNITY", "CO_OWNED");
    static final List<String> FLAGS = List.of("REQUIRED", "WOULD_BENEFIT", "NONE");

    private final TrackerApi api;

    RecommendationPages(TrackerApi api) {
        this.api = api;
    }

    @GetMapping("/recommendations")
    String list(@RequestParam Map<String, String> params, SignedInUser user, Model model) {
        Map<String, String> filter = new LinkedHashMap<>();
        for (String name : List.of("topic", "status", "ownership", "coordination", "tag", "q")) {
            filter.put(name, params.getOrDefault(name, "").strip());
        }
        // "as of" a past day: the catalogue as it stood at the end of that day (UTC)
        String asOf = params.getOrDefault("asOf", "").strip();
        filter.put("asOf", asOf.matches("^\\d{4}-\\d{2}-\\d{2}$") ? asOf : "");
        int page = Math.max(0, parseInt(params.get("page")));
        Map<String, Object> query = new LinkedHashMap<>(filter);
        query.put("asOf", filter.get("asOf").isEmpty() ? null : filter.get("asOf") + "T23:59:59Z");
        query.put("page", page);
        query.put("size", PAGE_SIZE);
        Map<String, Object> answer = api.get(TrackerApi.path("/api/recommendations", query), user);
        long total = ((Number) answer.get("total")).longValue();
        model.addAttribute("filter", filter);
        model.addAttribute("recommendations", answer.get("items"));
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        model.addAttribute("topics", api.getList("/api/topics", user));
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("ownerships", OWNERSHIPS);
        model.addAttribute("flags", FLAGS);
        model.addAttribute("pageLink", (java.util.function.IntFunction<String>) p -> {
            Map<String, Object> q = new LinkedHashMap<>(filter);
            q.put("page", p);
            return TrackerApi.path("/recommendations", q);
        });
        return "recommendations";
    }

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

    @SuppressWarnings("unchecked")
    private void fill(String id, SignedInUser user, Model model) {
        Map<String, Object> recommendation = api.get(TrackerApi.path("/api/recommendations/{id}", id), user);
        model.addAttribute("rec", recommendation);
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
    }

    private static int parseInt(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
