package org.ws2.web.workspace;

import static org.ws2.web.FormValues.blankToNull;
import static org.ws2.web.signin.SignInRequired.signedIn;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.ws2.web.FieldProblem;
import org.ws2.web.api.TrackerApi;
import org.ws2.web.signin.SignedInUser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A signed-in person's starting point: a group editor's groups; for support staff, bulk triage
 * (by topic or id prefix × group kinds, or one recommendation to chosen groups), sign-off requests, and the assignments still awaiting sign-off.
 */
@Controller
@RequiredArgsConstructor
class WorkspacePages {

    static final List<String> KINDS = List.of("SO", "AC", "GNSO_SG", "GNSO_C", "RALO", "CROSS_COMMUNITY", "ORG_FUNCTION", "BOARD");

    /** The bulk triage request's fields the triage-one form has an input for. */
    static final List<String> TRIAGE_ONE_FIELDS = List.of("recommendationIds", "groupIds", "applicabilityNote");

    private final TrackerApi api;

    @GetMapping("/workspace")
    String workspace(@RequestParam(defaultValue = "") String recommendation, SignedInUser user, Model model) {
        return signedIn(user, () -> {
            // a recommendation's page may link here with its id, to triage it to groups of support's choosing
            model.addAttribute("triageOneForm", Map.of("recommendationId", recommendation.strip(), "groupIds", List.of(),
                    "applicabilityNote", ""));
            fill(user, model);
            return "workspace";
        });
    }

    @PostMapping("/workspace/triage")
    String bulkTriage(@RequestParam(defaultValue = "") String topic, @RequestParam(defaultValue = "") String idPrefix,
            @RequestParam(defaultValue = "") List<String> groupKinds, @RequestParam(defaultValue = "") String applicabilityNote,
            SignedInUser user, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topic", blank(topic) ? null : topic);
        body.put("idPrefix", blankToNull(idPrefix));
        body.put("groupKinds", groupKinds);
        body.put("applicabilityNote", blank(applicabilityNote) ? null : applicabilityNote);
        TrackerApi.Outcome outcome = api.send(HttpMethod.POST, "/api/assignments/bulk", body, null, user);
        if (outcome.ok()) {
            model.addAttribute("triaged", outcome.body());
        } else {
            model.addAttribute("triageProblem", outcome.problem());
        }
        model.addAttribute("triageForm", Map.of("topic", topic, "idPrefix", idPrefix, "groupKinds", groupKinds,
                "applicabilityNote", applicabilityNote));
        fill(user, model);
        return "workspace";
    }

    /**
     * One recommendation to the groups support chose, as the API's bulk triage of that one id × those group
     * ids: pairs already assigned are left as they are and said so, and a refusal changes nothing.
     */
    @PostMapping("/workspace/triage-one")
    String triageOne(@RequestParam(defaultValue = "") String recommendationId,
            @RequestParam(defaultValue = "") List<String> groupIds, @RequestParam(defaultValue = "") String applicabilityNote,
            SignedInUser user, Model model) {
        return signedIn(user, () -> {
            List<String> chosen = groupIds.stream().filter(g -> !blank(g)).distinct().toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("recommendationIds", blank(recommendationId) ? List.of() : List.of(recommendationId.strip()));
            body.put("groupIds", chosen);
            body.put("applicabilityNote", blankToNull(applicabilityNote));
            TrackerApi.Outcome outcome = api.send(HttpMethod.POST, "/api/assignments/bulk", body, null, user);
            if (outcome.ok()) {
                model.addAttribute("triagedOne", outcome.body());
                model.addAttribute("triageOneForm", Map.of("recommendationId", "", "groupIds", List.of(),
                        "applicabilityNote", ""));
            } else {
                model.addAttribute(FieldProblem.MODEL, FieldProblem.of("triageOne", outcome.problem(), TRIAGE_ONE_FIELDS));
                model.addAttribute("triageOneForm", Map.of("recommendationId", recommendationId, "groupIds", chosen,
                        "applicabilityNote", applicabilityNote));
            }
            fill(user, model);
            return "workspace";
        });
    }

    /** Who now has it and who had it already, from the API's {@code <groupId>:<recommendationId>} pairs. */
    static List<String> groupsOf(Object pairs) {
        return pairs instanceof List<?> list ? list.stream().map(String::valueOf).map(p -> p.substring(0, Math.max(0, p.indexOf(':'))))
                .toList() : List.of();
    }

    @PostMapping("/workspace/sign-off-request")
    String requestSignOff(@RequestParam(defaultValue = "") List<String> groupIds, @RequestParam(defaultValue = "") String note,
            SignedInUser user, Model model) {
        List<String> asked = new java.util.ArrayList<>();
        Map<String, Object> problems = new LinkedHashMap<>();
        for (String groupId : groupIds) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("note", blank(note) ? null : note);
            TrackerApi.Outcome outcome = api.send(HttpMethod.POST, TrackerApi.path("/api/groups/{id}/sign-off-request", groupId), body, null, user);
            if (outcome.ok()) {
                asked.add(groupId);
            } else {
                problems.put(groupId, outcome.problem().message());
            }
        }
        if (groupIds.isEmpty()) {
            problems.put("", "Choose at least one group to ask for sign-off.");
        }
        model.addAttribute("signOffAsked", asked);
        model.addAttribute("signOffProblems", problems);
        fill(user, model);
        return "workspace";
    }

    @SuppressWarnings("unchecked")
    private void fill(SignedInUser user, Model model) {
        if (user == null) {
            return;
        }
        List<Map<String, Object>> groups = (List<Map<String, Object>>) api.get("/api/groups", user).get("items");
        model.addAttribute("groups", groups);
        model.addAttribute("myGroups", groups.stream().filter(g -> user.groups().contains(String.valueOf(g.get("id")))).toList());
        if (user.support()) {
            model.addAttribute("topics", api.getList("/api/topics", user));
            model.addAttribute("kinds", KINDS);
            Map<String, List<Map<String, Object>>> byKind = new LinkedHashMap<>();
            KINDS.forEach(kind -> byKind.put(kind, new java.util.ArrayList<>()));
            groups.forEach(g -> byKind.computeIfAbsent(String.valueOf(g.get("kind")), k -> new java.util.ArrayList<>()).add(g));
            byKind.values().removeIf(List::isEmpty);
            model.addAttribute("groupsByKind", byKind);
            if (!model.containsAttribute("triageOneForm")) {
                model.addAttribute("triageOneForm", Map.of("recommendationId", "", "groupIds", List.of(),
                        "applicabilityNote", ""));
            }
            if (model.getAttribute("triagedOne") instanceof Map<?, ?> triaged) {
                model.addAttribute("triagedOneTo", groupsOf(triaged.get("created")));
                model.addAttribute("triagedOneAlready", groupsOf(triaged.get("alreadyAssigned")));
            }
            List<Map<String, Object>> awaiting = new java.util.ArrayList<>((List<Map<String, Object>>) api.get(
                    "/api/assignments?triage=SIGN_OFF_REQUESTED&size=500", user).get("items"));
            // the longest-waiting first: those are the ones to chase
            awaiting.sort(java.util.Comparator.comparing(a -> String.valueOf(a.get("updatedAt"))));
            model.addAttribute("awaiting", awaiting);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
