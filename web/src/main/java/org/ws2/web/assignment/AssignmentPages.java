package org.ws2.web.assignment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.ws2.web.FieldProblem;
import org.ws2.web.api.Problem;
import org.ws2.web.api.TrackerApi;
import org.ws2.web.signin.SignedInUser;

/**
 * One group's assignment of one recommendation: the page every assignment email links to
 * ({@code <public base URL>/groups/{group}/assignments/{rec}}). Its state in words, its timeline, and for
 * support and the group's editors the thread and the forms of the sign-off workflow (docs/assignment-workflow.md).
 * The forms post to the group's handlers (GroupPages) with a {@code return} field naming this page, so that
 * the answer, a success or the API's problem beside the field it names, comes back here.
 */
@Controller
@RequiredArgsConstructor
public class AssignmentPages {

    /** The fields each form of this page shows, so that a problem naming one is shown beside it. */
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "triage", Set.of("note", "applicabilityNote"),
            "priority", Set.of("priority", "effort", "urgency", "notApplicableReason"),
            "progress", Set.of("progress", "note", "evidenceUrl"),
            "comments", Set.of("text"),
            "scope", Set.of("scope", "note"),
            "delegation", Set.of("to", "note"));

    /** The values the forms offer (the API's enums), here and on the group's page. */
    public static final List<String> PRIORITIES = List.of("HIGH", "MEDIUM", "LOW", "NOT_APPLICABLE");
    public static final List<String> EFFORTS = List.of("MINIMAL", "MODERATE", "SIGNIFICANT");
    public static final List<String> URGENCIES = List.of("HIGH", "MEDIUM", "LOW");
    public static final List<String> PROGRESS_VALUES = List.of("NOT_STARTED", "IN_PROGRESS", "IMPLEMENTED", "NOT_APPLICABLE");
    /** Whom an assignment is for (issue 21): the group itself, its child groups, the community as a whole. */
    public static final List<String> SCOPES = List.of("GROUP", "CHILDREN", "COMMUNITY");

    private final TrackerApi api;

    /** This page's own path, the only {@code return} value the group's form handlers send back here. */
    public static String path(String group, String rec) {
        return TrackerApi.path("/groups/{g}/assignments/{r}", group, rec);
    }

    @GetMapping("/groups/{group}/assignments/{rec}")
    String assignment(@PathVariable String group, @PathVariable String rec, SignedInUser user, Model model) {
        return show(group, rec, user, model, Map.of());
    }

    /**
     * The page again after the API refused one of its forms: the problem beside the field it names (or
     * below the form when it names none of the form's fields), and what the person typed kept in the form.
     *
     * @param action  the form's change ({@code triage}, {@code priority}, {@code progress}, {@code comments},
     *                {@code scope}, {@code delegation})
     * @param replyTo the comment a refused reply answered, or null
     */
    public String refused(String group, String rec, String action, String replyTo, Problem problem,
            Map<String, String> typed, SignedInUser user, Model model) {
        String form = replyTo != null && !replyTo.isBlank() ? "reply-" + replyTo : action;
        model.addAttribute(FieldProblem.MODEL, FieldProblem.of(form, problem, FIELDS.getOrDefault(action, Set.of())));
        return show(group, rec, user, model, typed);
    }

    @SuppressWarnings("unchecked")
    private String show(String group, String rec, SignedInUser user, Model model, Map<String, String> typed) {
        // the one read the page cannot do without: a 404 here is the page's 404
        Map<String, Object> assignment = api.get(TrackerApi.path("/api/groups/{g}/assignments/{r}", group, rec), user);
        model.addAttribute("a", assignment);
        model.addAttribute("groupName", api.tryGet(TrackerApi.path("/api/groups/{g}", group), user)
                .map(o -> o.body().get("name")).orElse(group));
        model.addAttribute("timeline", api.tryGet(TrackerApi.path("/api/groups/{g}/assignments/{r}/history", group, rec), user)
                .map(o -> AssignmentTimeline.newestFirst(o.raw() instanceof List<?> list
                        ? (List<Map<String, Object>>) list : List.of()))
                .orElse(null));
        boolean canEdit = user != null && user.editorOf(group);
        boolean canSupport = user != null && user.support();
        // the thread is the group's and support's conversation: the API refuses it to anyone else, and they
        // see no thread rather than an error
        boolean readsThread = canEdit || canSupport;
        List<Map<String, Object>> thread = !readsThread ? List.of()
                : api.tryGet(TrackerApi.path("/api/groups/{g}/assignments/{r}/comments", group, rec), user)
                        .map(o -> o.raw() instanceof List<?> list ? (List<Map<String, Object>>) list : List.<Map<String, Object>>of())
                        .orElse(List.of());
        // the groups it may be handed down to, for the form's checkboxes: only those who may hand it down ask
        List<Map<String, Object>> children = !readsThread ? List.of()
                : api.tryGet(TrackerApi.path("/api/groups/{g}/children", group), user)
                        .map(o -> o.body().get("items") instanceof List<?> list ? (List<Map<String, Object>>) list
                                : List.<Map<String, Object>>of())
                        .orElse(List.of());
        model.addAttribute("children", children);
        model.addAttribute("scopes", SCOPES);
        model.addAttribute("readsThread", readsThread);
        model.addAttribute("thread", thread);
        model.addAttribute("replies", replies(thread));
        model.addAttribute("authors", authors(thread));
        model.addAttribute("canEdit", canEdit);
        model.addAttribute("canSupport", canSupport);
        model.addAttribute("typed", typed);
        model.addAttribute("self", path(group, rec));
        model.addAttribute("groupId", group);
        model.addAttribute("priorities", PRIORITIES);
        model.addAttribute("efforts", EFFORTS);
        model.addAttribute("urgencies", URGENCIES);
        model.addAttribute("progressValues", PROGRESS_VALUES);
        return "assignment";
    }

    /**
     * The thread (oldest first) as a tree: each comment's replies under the key of its id, the comments that
     * answer none (or one no longer in the thread) under "". Order within each list stays oldest first.
     */
    static Map<String, List<Map<String, Object>>> replies(List<Map<String, Object>> thread) {
        Set<Object> ids = new java.util.HashSet<>();
        thread.forEach(c -> ids.add(c.get("id")));
        Map<String, List<Map<String, Object>>> replies = new LinkedHashMap<>();
        replies.put("", new ArrayList<>());
        for (Map<String, Object> comment : thread) {
            Object answers = comment.get("replyTo");
            String parent = answers != null && ids.contains(answers) ? answers.toString() : "";
            replies.computeIfAbsent(parent, p -> new ArrayList<>()).add(comment);
        }
        return replies;
    }

    /** Each comment's author by its id, for a reply's "in reply to …" link. */
    private static Map<String, Object> authors(List<Map<String, Object>> thread) {
        Map<String, Object> authors = new LinkedHashMap<>();
        thread.forEach(c -> authors.put(String.valueOf(c.get("id")), c.get("author")));
        return authors;
    }
}
