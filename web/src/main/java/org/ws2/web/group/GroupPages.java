package org.ws2.web.group;

import static org.ws2.web.FormValues.blankToNull;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.ws2.web.api.TrackerApi;
import org.ws2.web.api.Problem;
import org.ws2.web.assignment.AssignmentPages;
import org.ws2.web.signin.SignedInUser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The groups, each with its stage sentence like the Q2 2021 update's "SO/AC work" slide, and one
 * group's page: its assignments and, for the group's editors and support staff, the forms of the
 * sign-off workflow (docs/assignment-workflow.md). Support staff also keep the registry here: the
 * groups page has the form for a new group, a group's page the forms for its contacts, members, parent
 * and note and for its retirement (their changes are {@code org.ws2.web.registry}'s).
 */
@Controller
@RequiredArgsConstructor
public class GroupPages {

    static final Map<String, String> KIND_LABELS = new LinkedHashMap<>();

    static {
        KIND_LABELS.put("BOARD", "Board");
        KIND_LABELS.put("SO", "Supporting Organizations");
        KIND_LABELS.put("AC", "Advisory Committees");
        KIND_LABELS.put("GNSO_SG", "GNSO stakeholder groups");
        KIND_LABELS.put("GNSO_C", "GNSO constituencies");
        KIND_LABELS.put("RALO", "Regional At-Large Organizations");
        KIND_LABELS.put("CROSS_COMMUNITY", "Cross-community structures");
        KIND_LABELS.put("ORG_FUNCTION", "ICANN org functions");
    }

    /** The groups service's ContactRole and MemberRole, in its order. */
    static final List<String> CONTACT_ROLES = List.of("CHAIR", "VICE_CHAIR", "LIAISON", "SUPPORT_STAFF", "MEMBER", "OTHER");
    static final List<String> MEMBER_ROLES = List.of("MEMBER", "ALTERNATE");

    private final TrackerApi api;
    private final AssignmentPages assignmentPages;

    @GetMapping("/groups")
    String list(SignedInUser user, Model model) {
        return showList(user, model);
    }

    /** The groups page; a refused new group comes back in it with {@code createForm} and the problem set. */
    @SuppressWarnings("unchecked")
    public String showList(SignedInUser user, Model model) {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) api.get("/api/groups", user).get("items");
        // every group's stage in one read of the reporting service's read model, so the page costs one
        // request whatever the number of groups; without it the page still lists the groups
        Map<String, Map<String, Object>> stageById = new LinkedHashMap<>();
        api.tryGet("/api/reports/groups", user).ifPresent(report -> ((List<Map<String, Object>>) report.body()
                .getOrDefault("groups", List.of())).forEach(stage -> stageById.put(String.valueOf(stage.get("groupId")), stage)));
        Map<String, List<Map<String, Object>>> byKind = new LinkedHashMap<>();
        KIND_LABELS.keySet().forEach(kind -> byKind.put(kind, new ArrayList<>()));
        groups.forEach(g -> byKind.computeIfAbsent(String.valueOf(g.get("kind")), k -> new ArrayList<>()).add(g));
        byKind.values().removeIf(List::isEmpty);
        model.addAttribute("byKind", byKind);
        model.addAttribute("kinds", KIND_LABELS);
        model.addAttribute("stages", stageById);
        model.addAttribute("canSupport", user != null && user.support());
        model.addAttribute("groupIds", groups.stream().map(g -> String.valueOf(g.get("id"))).toList());
        if (!model.containsAttribute("createForm")) {
            model.addAttribute("createForm", Map.of());
        }
        return "groups";
    }

    @GetMapping("/groups/{id}")
    String group(@PathVariable String id, SignedInUser user, Model model) {
        return show(id, user, model);
    }

    /**
     * The group's page; a refused registry change comes back in it with what was typed
     * ({@code registryForm}, {@code retireForm}) and the problem ({@code fp}) already set.
     */
    public String show(String id, SignedInUser user, Model model) {
        fill(id, user, model, Map.of());
        return "group";
    }

    /** Only the stage, fetched again by the page's script when something changes. */
    @GetMapping("/groups/{id}/stage")
    String stage(@PathVariable String id, SignedInUser user, Model model) {
        model.addAttribute("stage", api.get(TrackerApi.path("/api/groups/{id}/stage", id), user));
        // the fragment names its own refresh URL from the group's id
        model.addAttribute("group", Map.of("id", id));
        return "group :: stage";
    }

    @PostMapping("/groups/{id}/assignments/{rec}/triage")
    String triage(@PathVariable String id, @PathVariable String rec, @RequestParam String to,
            @RequestParam(defaultValue = "") String note, @RequestParam(required = false) String applicabilityNote,
            @RequestParam(defaultValue = "") String version, @RequestParam(name = "return", defaultValue = "") String back,
            SignedInUser user, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.putAll(fields("note", note));
        // only support's form has the field; left out, the API keeps the note as it is
        if (applicabilityNote != null) {
            body.put("applicabilityNote", applicabilityNote.strip());
        }
        return changeAssignment(HttpMethod.POST, id, rec, "triage", body, version, back, null,
                typed("note", note, "applicabilityNote", applicabilityNote), user, model);
    }

    @PostMapping("/groups/{id}/assignments/{rec}/priority")
    String priority(@PathVariable String id, @PathVariable String rec, @RequestParam(defaultValue = "") String priority,
            @RequestParam(defaultValue = "") String effort, @RequestParam(defaultValue = "") String urgency,
            @RequestParam(defaultValue = "") String notApplicableReason, @RequestParam(defaultValue = "") String version,
            @RequestParam(name = "return", defaultValue = "") String back, SignedInUser user, Model model) {
        return changeAssignment(HttpMethod.PUT, id, rec, "priority", fields("priority", priority, "effort", effort,
                "urgency", urgency, "notApplicableReason", notApplicableReason), version, back, null,
                typed("priority", priority, "effort", effort, "urgency", urgency, "notApplicableReason", notApplicableReason),
                user, model);
    }

    @PostMapping("/groups/{id}/assignments/{rec}/progress")
    String progress(@PathVariable String id, @PathVariable String rec, @RequestParam(defaultValue = "") String progress,
            @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String evidenceUrl,
            @RequestParam(defaultValue = "") String version, @RequestParam(name = "return", defaultValue = "") String back,
            SignedInUser user, Model model) {
        return changeAssignment(HttpMethod.PUT, id, rec, "progress",
                fields("progress", progress, "note", note, "evidenceUrl", evidenceUrl), version, back, null,
                typed("progress", progress, "note", note, "evidenceUrl", evidenceUrl), user, model);
    }

    /** Whom the assignment is for: the group itself, its child groups or the community as a whole (issue 21). */
    @PostMapping("/groups/{id}/assignments/{rec}/scope")
    String scope(@PathVariable String id, @PathVariable String rec, @RequestParam(defaultValue = "") String scope,
            @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String version,
            @RequestParam(name = "return", defaultValue = "") String back, SignedInUser user, Model model) {
        return changeAssignment(HttpMethod.PUT, id, rec, "scope", fields("scope", scope, "note", note), version, back,
                null, typed("scope", scope, "note", note), user, model);
    }

    /**
     * Hands the recommendation down to the child groups ticked (issue 21); none ticked hands it to all of them,
     * as the API does with no {@code to}.
     */
    @PostMapping("/groups/{id}/assignments/{rec}/delegation")
    String delegation(@PathVariable String id, @PathVariable String rec,
            @RequestParam(name = "to", required = false) List<String> to, @RequestParam(defaultValue = "") String note,
            @RequestParam(defaultValue = "") String version, @RequestParam(name = "return", defaultValue = "") String back,
            SignedInUser user, Model model) {
        List<String> chosen = to == null ? List.of() : to.stream().filter(t -> !t.isBlank()).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", chosen);
        body.putAll(fields("note", note));
        return changeAssignment(HttpMethod.POST, id, rec, "delegation", body, version, back, null,
                typed("to", String.join(",", chosen), "note", note), user, model);
    }

    /** A comment, or with {@code replyTo} a reply to one of the thread's comments. */
    @PostMapping("/groups/{id}/assignments/{rec}/comments")
    String comment(@PathVariable String id, @PathVariable String rec, @RequestParam(defaultValue = "") String text,
            @RequestParam(defaultValue = "") String replyTo, @RequestParam(name = "return", defaultValue = "") String back,
            SignedInUser user, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("text", text);
        body.putAll(fields("replyTo", replyTo));
        return changeAssignment(HttpMethod.POST, id, rec, "comments", body, null, back, replyTo, typed("text", text),
                user, model);
    }

    /**
     * Approves the drafts the page showed, each as {@code <recommendationId>@<version>}: a draft changed
     * since is refused by the API (412), so no one approves a priority they have not seen.
     */
    @PostMapping("/groups/{id}/priorities/approval")
    String approve(@PathVariable String id, @RequestParam(name = "approve", required = false) List<String> shown,
            SignedInUser user, Model model) {
        List<Map<String, Object>> approve = new ArrayList<>();
        for (String draft : shown == null ? List.<String>of() : shown) {
            int at = draft.lastIndexOf('@');
            String version = at < 0 ? "" : draft.substring(at + 1);
            Map<String, Object> named = new LinkedHashMap<>();
            named.put("recommendationId", at < 0 ? draft : draft.substring(0, at));
            // a number as the page wrote it; anything else is passed on for the API to refuse with a 400
            named.put("version", version.matches("\\d{1,18}") ? (Object) Long.parseLong(version) : version);
            approve.add(named);
        }
        return answer(id, null, "approve", api.send(HttpMethod.POST,
                TrackerApi.path("/api/groups/{g}/priorities/approval", id), Map.of("approve", approve), null, user),
                user, model);
    }

    @PostMapping("/groups/{id}/sign-off-request")
    String requestSignOff(@PathVariable String id, @RequestParam(defaultValue = "") String note, SignedInUser user, Model model) {
        return answer(id, null, "sign-off-request", api.send(HttpMethod.POST,
                TrackerApi.path("/api/groups/{g}/sign-off-request", id), fields("note", note), null, user), user, model);
    }

    /**
     * One of the sign-off workflow's changes to an assignment, sent to
     * {@code /api/groups/{g}/assignments/{r}/<change>}; a refusal is shown next to that change's form.
     */
    private String changeAssignment(HttpMethod method, String id, String rec, String change, Map<String, Object> body,
            String version, String back, String replyTo, Map<String, String> typed, SignedInUser user, Model model) {
        TrackerApi.Outcome outcome = api.send(method,
                TrackerApi.path("/api/groups/{g}/assignments/{r}/" + change, id, rec), body, version, user);
        // back to the assignment's own page only when the form came from it: the one return path accepted, so
        // a crafted form cannot send anyone elsewhere (no open redirect)
        String assignmentPage = AssignmentPages.path(id, rec);
        if (!assignmentPage.equals(back)) {
            return answer(id, rec, change, outcome, user, model);
        }
        if (outcome.ok()) {
            return "redirect:" + assignmentPage + (change.equals("comments") ? "#thread" : "#state");
        }
        return assignmentPages.refused(id, rec, change, replyTo, outcome.problem(), typed, user, model);
    }

    /** Success: back to the page (post/redirect/get). A problem: the same page with it next to the action. */
    private String answer(String id, String rec, String action, TrackerApi.Outcome outcome, SignedInUser user, Model model) {
        String key = rec == null ? action : action + ":" + rec;
        if (outcome.ok()) {
            return "redirect:" + TrackerApi.path("/groups/{id}", id) + (rec == null ? "" : "#rec-" + rec.replace('.', '-'));
        }
        fill(id, user, model, Map.of(key, outcome.problem()));
        return "group";
    }

    @SuppressWarnings("unchecked")
    private void fill(String id, SignedInUser user, Model model, Map<String, Problem> problems) {
        Map<String, Object> group = api.get(TrackerApi.path("/api/groups/{id}", id), user);
        model.addAttribute("group", group);
        boolean keepsRegistry = user != null && user.support() && !Boolean.TRUE.equals(group.get("retired"));
        model.addAttribute("canKeepRegistry", keepsRegistry);
        if (keepsRegistry) {
            // the groups a cross-community member may represent, and the parents the form suggests
            model.addAttribute("groupIds", ((List<Map<String, Object>>) api.get("/api/groups", user).get("items")).stream()
                    .map(g -> String.valueOf(g.get("id"))).filter(g -> !g.equals(id)).toList());
            model.addAttribute("kindChoices", KIND_LABELS.keySet());
            model.addAttribute("contactRoles", CONTACT_ROLES);
            model.addAttribute("memberRoles", MEMBER_ROLES);
        }
        model.addAttribute("stage", api.tryGet(TrackerApi.path("/api/groups/{id}/stage", id), user).map(TrackerApi.Outcome::body).orElse(null));
        List<Map<String, Object>> assignments = (List<Map<String, Object>>) api.get(
                TrackerApi.path("/api/assignments", Map.of("groupId", id, "size", 500)), user).get("items");
        model.addAttribute("assignments", assignments);
        model.addAttribute("drafts", assignments.stream().filter(a -> Boolean.TRUE.equals(a.get("priorityDraft"))
                && a.get("priority") != null).count());
        model.addAttribute("canEdit", user != null && user.editorOf(id));
        model.addAttribute("canSupport", user != null && user.support());
        model.addAttribute("problems", problems);
        model.addAttribute("priorities", AssignmentPages.PRIORITIES);
        model.addAttribute("efforts", AssignmentPages.EFFORTS);
        model.addAttribute("urgencies", AssignmentPages.URGENCIES);
        model.addAttribute("progressValues", AssignmentPages.PROGRESS_VALUES);
    }

    /** The form's fields, as name and value pairs, for the API: a field left blank is not set (null). */
    private static Map<String, Object> fields(String... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], blankToNull(namesAndValues[i + 1]));
        }
        return body;
    }

    /** What the person typed, by field, to give back in the form the API refused (absent fields left out). */
    private static Map<String, String> typed(String... namesAndValues) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                typed.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return typed;
    }
}
