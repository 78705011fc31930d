package org.ws2.web.registry;

import static org.ws2.web.FormValues.blankToNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.ws2.web.FieldProblem;
import org.ws2.web.api.Problem;
import org.ws2.web.api.TrackerApi;
import org.ws2.web.group.GroupPages;
import org.ws2.web.signin.SignedInUser;

/**
 * The group registry's changes, made by support staff in the browser: a new group (from the groups page),
 * a group's name, kind, parent, source, note, contacts and cross-community members (one PUT that replaces
 * them all, naming the version the page showed in If-Match), and a group's retirement with a reason. The
 * API decides who may (support staff and admins) and what is valid; a refusal comes back on the page the
 * form was on, beside the field it names, with everything as typed, and nothing changed.
 */
@Controller
@RequiredArgsConstructor
class GroupRegistryPages {

    static final List<String> CREATE_FIELDS = List.of("id", "name", "kind", "parent", "source", "note");
    static final List<String> UPDATE_FIELDS = List.of("name", "kind", "parent", "source", "note", "contacts", "members",
            "changeNote");
    static final List<String> CONTACT = List.of("name", "email", "role");
    static final List<String> MEMBER = List.of("groupId", "name", "email", "role");
    /** The API's name for one field of one row, e.g. {@code contacts[1].email}: the form has an input of that name. */
    private static final Pattern ROW_FIELD = Pattern.compile("(contacts|members)\\[(\\d+)]\\.(\\w+)");
    /** Far more rows than the API takes (50 contacts, 200 members): a form with more is not read past it. */
    private static final int MAX_ROWS = 250;

    private final TrackerApi api;
    private final GroupPages groupPages;

    /** A new group: its contacts and members are added on its own page once it exists. */
    @PostMapping("/groups")
    String create(@RequestParam Map<String, String> form, SignedInUser user, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : CREATE_FIELDS) {
            body.put(field, blankToNull(form.get(field)));
        }
        TrackerApi.Outcome outcome = api.send(HttpMethod.POST, "/api/groups", body, null, user);
        if (outcome.ok()) {
            return "redirect:" + TrackerApi.path("/groups/{id}", String.valueOf(body.get("id")));
        }
        model.addAttribute("createForm", typed(form, CREATE_FIELDS));
        model.addAttribute(FieldProblem.MODEL, FieldProblem.of("create", outcome.problem(), CREATE_FIELDS));
        return groupPages.showList(user, model);
    }

    /**
     * Replaces every editable field of the group, as the form holds them: a contact or member row left
     * wholly blank is not sent (that is how one is removed), so the rows sent are numbered as the API
     * numbers them in its problems, and the refused form is shown again with exactly those rows.
     */
    @PostMapping("/groups/{id}/registry")
    String update(@PathVariable String id, @RequestParam Map<String, String> form, SignedInUser user, Model model) {
        List<Map<String, Object>> contacts = rows(form, "contacts", CONTACT);
        List<Map<String, Object>> members = rows(form, "members", MEMBER);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("name", "kind", "parent", "source", "note")) {
            body.put(field, blankToNull(form.get(field)));
        }
        body.put("contacts", contacts);
        body.put("members", members);
        body.put("changeNote", blankToNull(form.get("changeNote")));
        TrackerApi.Outcome outcome = api.send(HttpMethod.PUT, TrackerApi.path("/api/groups/{id}", id), body,
                form.get("version"), user);
        if (outcome.ok()) {
            return "redirect:" + TrackerApi.path("/groups/{id}", id) + "#registry";
        }
        Map<String, Object> typed = new LinkedHashMap<>(typed(form, List.of("name", "kind", "parent", "source", "note",
                "changeNote", "version")));
        typed.put("contacts", contacts);
        typed.put("members", members);
        model.addAttribute("registryForm", typed);
        model.addAttribute(FieldProblem.MODEL, placed(outcome.problem(), contacts.size(), members.size()));
        return groupPages.show(id, user, model);
    }

    /** Retires the group: it keeps its history and assignments but takes no new work. */
    @PostMapping("/groups/{id}/retirement")
    String retire(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String version, SignedInUser user, Model model) {
        TrackerApi.Outcome outcome = api.send(HttpMethod.POST, TrackerApi.path("/api/groups/{id}/retirement", id),
                Map.of("reason", reason.strip()), version, user);
        if (outcome.ok()) {
            return "redirect:" + TrackerApi.path("/groups/{id}", id);
        }
        model.addAttribute("retireForm", Map.of("reason", reason));
        model.addAttribute(FieldProblem.MODEL, FieldProblem.of("retire", outcome.problem(), List.of("reason")));
        return groupPages.show(id, user, model);
    }

    /** Beside the row's input the API names ({@code contacts[1].email}), else beside the field, else at the form's end. */
    static FieldProblem placed(Problem problem, int contacts, int members) {
        Matcher row = problem.field() == null ? null : ROW_FIELD.matcher(problem.field());
        if (row != null && row.matches()) {
            int index = Integer.parseInt(row.group(2));
            List<String> fields = row.group(1).equals("contacts") ? CONTACT : MEMBER;
            if (index < (row.group(1).equals("contacts") ? contacts : members) && fields.contains(row.group(3))) {
                return new FieldProblem("registry", problem.field(), problem);
            }
        }
        return FieldProblem.of("registry", problem, UPDATE_FIELDS);
    }

    /** The rows {@code list[0].name}, {@code list[1].name}… of the form that are not wholly blank, in order. */
    static List<Map<String, Object>> rows(Map<String, String> form, String list, List<String> fields) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < MAX_ROWS && form.containsKey(list + "[" + i + "]." + fields.get(0)); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (String field : fields) {
                row.put(field, blankToNull(form.get(list + "[" + i + "]." + field)));
            }
            if (row.values().stream().anyMatch(Objects::nonNull)) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, String> typed(Map<String, String> form, List<String> fields) {
        Map<String, String> typed = new LinkedHashMap<>();
        fields.forEach(field -> typed.put(field, form.getOrDefault(field, "")));
        return typed;
    }
}
