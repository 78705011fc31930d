package org.ws2.web.group;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.ws2.web.api.Gateway;
import org.ws2.web.api.Problem;
import org.ws2.web.signin.SignedInUser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The groups, each with its stage sentence like the Q2 2021 update's "SO/AC work" slide, and one
 * group's page: its assignments and, for the group's editors and support staff, the forms of the
 * sign-off workflow (docs/assignment-workflow.md).
 */
@Controller
class GroupPages {

    static final Map<String, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("BOARD", "Board");
        KINDS.put("SO", "Supporting Organizations");
        KINDS.put("AC", "Advisory Committees");
        KINDS.put("GNSO_SG", "GNSO stakeholder groups");
        KINDS.put("GNSO_C", "GNSO constituencies");
        KINDS.put("RALO", "Regional At-Large Organizations");
        KINDS.put("CROSS_COMMUNITY", "Cross-community structures");
        KINDS.put("ORG_FUNCTION", "ICANN org functions");
    }

    static final List<String> PRIORITIES = List.of("HIGH", "MEDIUM", "LOW", "NOT_APPLICABLE");
    static final List<String> EFFORTS = List.of("MINIMAL", "MODERATE", "SIGNIFICANT");
    static final List<String> URGENCIES = List.of("HIGH", "MEDIUM", "LOW");
    static final List<String> PROGRESS = List.of("NOT_STARTED", "IN_PROGRESS", "IMPLEMENTED", "NOT_APPLICABLE");

    private final Gateway gateway;

    GroupPages(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/groups")
    @SuppressWarnings("unchecked")
    String list(SignedInUser user, Model model) {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) gateway.get("/api/groups", user).get("items");
        // every group's stage in one read of the reporting service's read model, not one request per
        // group (40 of them took 0.9-1.1 s on a loaded machine); without it the page still lists the groups
        Map<String, Map<String, Object>> stageById = new LinkedHashMap<>();
        gateway.tryGet("/api/reports/groups", user).ifPresent(report -> ((List<Map<String, Object>>) report.body()
                .getOrDefault("groups", List.of())).forEach(stage -> stageById.put(String.valueOf(stage.get("groupId")), stage)));
        Map<String, List<Map<String, Object>>> byKind = new LinkedHashMap<>();
        KINDS.keySet().forEach(kind -> byKind.put(kind, new java.util.ArrayList<>()));
        groups.forEach(g -> byKind.computeIfAbsent(String.valueOf(g.get("kind")), k -> new java.util.ArrayList<>()).add(g));
        byKind.values().removeIf(List::isEmpty);
        model.addAttribute("byKind", byKind);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("stages", stageById);
        return "groups";
    }

    @GetMapping("/groups/{id}")
    String group(@PathVariable String id, SignedInUser user, Model model) {
        fill(id, user, model, Map.of());
        return "group";
    }

    /** Only the stage, fetched again by the page's script when something changes. */
    @GetMapping("/groups/{id}/stage")
    String stage(@PathVariable String id, SignedInUser user, Model model) {
        model.addAttribute("stage", gateway.get(Gateway.path("/api/groups/{id}/stage", id), user));
        // the fragment names its own refresh URL from the group's id
        model.addAttribute("group", Map.of("id", id));
        return "group :: stage";
    }

    @PostMapping("/groups/{id}/assignments/{rec}/triage")
    String triage(@PathVariable String id, @PathVariable String rec, @RequestParam String to,
            @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String version,
            SignedInUser user, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("note", blankToNull(note));
        return answer(id, rec, "triage", gateway.send(HttpMethod.POST,
                Gateway.path("/api/groups/{g}/assignments/{r}/triage", id, rec), body, version, user), user, model);
    }

    @PostMapping("/groups/{id}/assignments/{rec}/priority")
    String priority(@PathVariable String id, @PathVariable String rec, @RequestParam(defaultValue = "") String priority,
            @RequestParam(defaultValue = "") String effort, @RequestParam(defaultValue = "") String urgency,
            @RequestParam(defaultValue = "") String notApplicableReason, @RequestParam(defaultValue = "") String version,
            SignedInUser user, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("priority", blankToNull(priority));
        body.put("effort", blankToNull(effort));
        body.put("urgency", blankToNull(urgency));
        body.put("notApplicableReason", blankToNull(notApplicableReason));
        return answer(id, rec, "priority", gateway.send(HttpMethod.PUT,
                Gateway.path("/api/groups/{g}/assignments/{r}/priority", id, rec), body, version, user), user, model);
    }

    @PostMapping("/groups/{id}/assignments/{rec}/progress")
    String progress(@PathVariable String id, @PathVariable String rec, @RequestParam(defaultValue = "") String progress,
            @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String evidenceUrl,
            @RequestParam(defaultValue = "") String version, SignedInUser user, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("progress", blankToNull(progress));
        body.put("note", blankToNull(note));
        body.put("evidenceUrl", blankToNull(evidenceUrl));
        return answer(id, rec, "progress", gateway.send(HttpMethod.PUT,
                Gateway.path("/api/groups/{g}/assignments/{r}/progress", id, rec), body, version, user), user, model);
    }

    @PostMapping("/groups/{id}/assignments/{rec}/comments")
    String comment(@PathVariable String id, @PathVariable String rec, @RequestParam(defaultValue = "") String text,
            SignedInUser user, Model model) {
        return answer(id, rec, "comment", gateway.send(HttpMethod.POST,
                Gateway.path("/api/groups/{g}/assignments/{r}/comments", id, rec), Map.of("text", text), null, user), user, model);
    }

    /**
     * Approves the drafts the page showed, each as {@code <recommendationId>@<version>}: a draft changed
     * since is refused by the API (412), so no one approves a priority they have not seen.
     */
    @PostMapping("/groups/{id}/priorities/approval")
    String approve(@PathVariable String id, @RequestParam(name = "approve", required = false) List<String> shown,
            SignedInUser user, Model model) {
        List<Map<String, Object>> approve = new java.util.ArrayList<>();
        for (String draft : shown == null ? List.<String>of() : shown) {
            int at = draft.lastIndexOf('@');
            String version = at < 0 ? "" : draft.substring(at + 1);
            Map<String, Object> named = new LinkedHashMap<>();
            named.put("recommendationId", at < 0 ? draft : draft.substring(0, at));
            // a number as the page wrote it; anything else is passed on for the API to refuse with a 400
            named.put("version", version.matches("\\d{1,18}") ? (Object) Long.parseLong(version) : version);
            approve.add(named);
        }
        return answer(id, null, "approve", gateway.send(HttpMethod.POST,
                Gateway.path("/api/groups/{g}/priorities/approval", id), Map.of("approve", approve), null, user),
                user, model);
    }

    @PostMapping("/groups/{id}/sign-off-request")
    String requestSignOff(@PathVariable String id, @RequestParam(defaultValue = "") String note, SignedInUser user, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("note", blankToNull(note));
        return answer(id, null, "sign-off-request", gateway.send(HttpMethod.POST,
                Gateway.path("/api/groups/{g}/sign-off-request", id), body, null, user), user, model);
    }

    /** Success: back to the page (post/redirect/get). A problem: the same page with it next to the action. */
    private String answer(String id, String rec, String action, Gateway.Outcome outcome, SignedInUser user, Model model) {
        String key = rec == null ? action : action + ":" + rec;
        if (outcome.ok()) {
            return "redirect:" + Gateway.path("/groups/{id}", id) + (rec == null ? "" : "#rec-" + rec.replace('.', '-'));
        }
        fill(id, user, model, Map.of(key, outcome.problem()));
        return "group";
    }

    @SuppressWarnings("unchecked")
    private void fill(String id, SignedInUser user, Model model, Map<String, Problem> problems) {
        model.addAttribute("group", gateway.get(Gateway.path("/api/groups/{id}", id), user));
        model.addAttribute("stage", gateway.tryGet(Gateway.path("/api/groups/{id}/stage", id), user).map(Gateway.Outcome::body).orElse(null));
        List<Map<String, Object>> assignments = (List<Map<String, Object>>) gateway.get(
                Gateway.path("/api/assignments", Map.of("groupId", id, "size", 500)), user).get("items");
        model.addAttribute("assignments", assignments);
        model.addAttribute("drafts", assignments.stream().filter(a -> Boolean.TRUE.equals(a.get("priorityDraft"))
                && a.get("priority") != null).count());
        model.addAttribute("canEdit", user != null && user.editorOf(id));
        model.addAttribute("canSupport", user != null && user.support());
        model.addAttribute("problems", problems);
        model.addAttribute("priorities", PRIORITIES);
        model.addAttribute("efforts", EFFORTS);
        model.addAttribute("urgencies", URGENCIES);
        model.addAttribute("progressValues", PROGRESS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    static String kindsLabel(List<String> kinds) {
        return kinds.stream().map(KINDS::get).collect(Collectors.joining(", "));
    }
}
