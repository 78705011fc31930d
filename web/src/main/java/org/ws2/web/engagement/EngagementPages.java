package org.ws2.web.engagement;

import static org.ws2.web.FormValues.blankToNull;
import static org.ws2.web.FormValues.typed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.ws2.web.FieldProblem;
import org.ws2.web.Pager;
import org.ws2.web.api.ApiException;
import org.ws2.web.api.Problem;
import org.ws2.web.api.TrackerApi;
import org.ws2.web.signin.SignedInUser;

/**
 * The engagement log (meetings, webinars, workshops) and one item's page, which engagement notices
 * link to; support staff and admins record new items here. Everything is read from and sent to
 * {@code /api/engagements}; the API checks every field, so a refused form changes nothing and comes
 * back with the problem beside the field it names.
 */
@Controller
@RequiredArgsConstructor
class EngagementPages {

    static final int PAGE_SIZE = 25;
    static final List<String> KINDS = List.of("MEETING", "WEBINAR", "WORKSHOP", "PUBLIC_COMMENT", "OTHER");
    /** The record form's inputs, where a problem naming one of them is shown. */
    static final List<String> RECORD_FIELDS = List.of("kind", "title", "heldOn", "description", "links", "recommendationIds",
            "meeting", "groupIds");
    /** Link rows the record form offers; the API takes up to 20, the Q2 2021 update lists one or two per item. */
    static final int LINK_ROWS = 3;
    /**
     * The groups involved are those the item names; for an item that names none (recorded before it could), those
     * with a share in the item's recommendations, one assignments read per
     * recommendation; past this many the page would cost more reads than a page view may (the gateway
     * rate-limits each visitor), so it names the groups of the first ones and says so.
     */
    static final int GROUP_LOOKUPS = 10;
    private static final String UUID_PATTERN = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

    private final TrackerApi api;

    @GetMapping("/engagements")
    String list(@RequestParam Map<String, String> params, SignedInUser user, Model model) {
        fillList(params, user, model);
        model.addAttribute("form", shown(Map.of(), List.of()));
        return "engagements";
    }

    @GetMapping("/engagements/{id}")
    @SuppressWarnings("unchecked")
    String detail(@PathVariable String id, SignedInUser user, Model model, HttpServletResponse response) {
        if (!id.matches(UUID_PATTERN)) {
            // what the API would refuse as malformed is, to a reader following a link, simply not there
            throw new ApiException(new Problem(404, null, "Not found", "There is no engagement " + id + ".", null));
        }
        TrackerApi.Outcome outcome = api.send(HttpMethod.GET, TrackerApi.path("/api/engagements/{id}", id), null, null, user);
        if (outcome.problem() != null && outcome.problem().status() == 410) {
            // a withdrawn item: the link in an old notice still says what became of it
            response.setStatus(410);
            model.addAttribute("removed", outcome.problem());
            return "engagement";
        }
        if (!outcome.ok()) {
            throw new ApiException(outcome.problem());
        }
        Map<String, Object> engagement = outcome.body();
        model.addAttribute("e", engagement);
        List<String> named = (List<String>) engagement.getOrDefault("groupIds", List.of());
        model.addAttribute("groupsNamed", !named.isEmpty());
        if (!named.isEmpty()) {
            model.addAttribute("groups", named);
            return "engagement";
        }
        List<String> recommendations = (List<String>) engagement.getOrDefault("recommendationIds", List.of());
        model.addAttribute("groups", groupsOf(recommendations, user));
        model.addAttribute("groupsPartial", recommendations.size() > GROUP_LOOKUPS);
        return "engagement";
    }

    /** Support staff and admins record an item; the API refuses anyone else (403) and any bad field (400/422). */
    @PostMapping("/engagements")
    String record(@RequestParam Map<String, String> form,
            @RequestParam(name = "linkTitle", required = false) List<String> linkTitles,
            @RequestParam(name = "linkUrl", required = false) List<String> linkUrls, SignedInUser user, Model model) {
        List<Map<String, String>> links = new ArrayList<>();
        List<String> titles = linkTitles == null ? List.of() : linkTitles;
        List<String> urls = linkUrls == null ? List.of() : linkUrls;
        for (int i = 0; i < Math.max(titles.size(), urls.size()); i++) {
            String linkTitle = i < titles.size() ? titles.get(i).strip() : "";
            String url = i < urls.size() ? urls.get(i).strip() : "";
            if (!linkTitle.isEmpty() || !url.isEmpty()) {
                Map<String, String> link = new LinkedHashMap<>();
                link.put("title", linkTitle);
                link.put("url", url);
                links.add(link);
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", blankToNull(form.get("kind")));
        body.put("title", form.getOrDefault("title", "").strip());
        body.put("heldOn", blankToNull(form.get("heldOn")));
        body.put("description", blankToNull(form.get("description")));
        body.put("links", links);
        body.put("recommendationIds", ids(form.getOrDefault("recommendationIds", "")));
        body.put("meeting", blankToNull(form.get("meeting")));
        body.put("groupIds", groupIds(form.getOrDefault("groupIds", "")));
        TrackerApi.Outcome outcome = api.send(HttpMethod.POST, "/api/engagements", body, null, user);
        if (outcome.ok()) {
            return "redirect:" + TrackerApi.path("/engagements/{id}", String.valueOf(outcome.body().get("id")));
        }
        fillList(Map.of(), user, model);
        model.addAttribute("form", shown(form, links));
        model.addAttribute(FieldProblem.MODEL, FieldProblem.of("record", outcome.problem(), RECORD_FIELDS));
        return "engagements";
    }

    private void fillList(Map<String, String> params, SignedInUser user, Model model) {
        Map<String, String> filter = new LinkedHashMap<>();
        String kind = params.getOrDefault("kind", "").strip();
        // an unknown kind (an old or edited link) lists everything rather than failing the page
        filter.put("kind", KINDS.contains(kind) ? kind : "");
        filter.put("recommendationId", params.getOrDefault("recommendationId", "").strip());
        int page = Pager.requested(params.get("page"));
        Map<String, Object> query = new LinkedHashMap<>(filter);
        query.put("page", page);
        query.put("size", PAGE_SIZE);
        Map<String, Object> answer = api.get(TrackerApi.path("/api/engagements", query), user);
        long total = ((Number) answer.getOrDefault("total", 0)).longValue();
        model.addAttribute("filter", filter);
        model.addAttribute("engagements", answer.get("items"));
        model.addAttribute("total", total);
        model.addAttribute("pager", Pager.of("/engagements", filter, page, total, PAGE_SIZE));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("canRecord", user != null && user.support());
    }

    /** The groups with a share in these recommendations, by id; null when the groups service did not answer. */
    @SuppressWarnings("unchecked")
    private List<String> groupsOf(List<String> recommendations, SignedInUser user) {
        TreeSet<String> groups = new TreeSet<>();
        for (String recommendation : recommendations.stream().limit(GROUP_LOOKUPS).toList()) {
            var answer = api.tryGet(TrackerApi.path("/api/assignments",
                    Map.of("recommendationId", recommendation, "size", 500)), user);
            if (answer.isEmpty()) {
                return null;
            }
            ((List<Map<String, Object>>) answer.get().body().getOrDefault("items", List.of()))
                    .forEach(a -> groups.add(String.valueOf(a.get("groupId"))));
        }
        return List.copyOf(groups);
    }

    /** The record form as the page shows it: each field as typed, and the link rows typed then blank ones. */
    private static Map<String, Object> shown(Map<String, String> typed, List<Map<String, String>> links) {
        Map<String, Object> form = new LinkedHashMap<>(typed(typed, RECORD_FIELDS));
        form.put("links", rows(links));
        return form;
    }

    /** The link rows to show: those typed, then empty ones up to {@link #LINK_ROWS}. */
    private static List<Map<String, String>> rows(List<Map<String, String>> links) {
        List<Map<String, String>> rows = new ArrayList<>(links);
        while (rows.size() < LINK_ROWS) {
            rows.add(Map.of("title", "", "url", ""));
        }
        return rows;
    }

    /** Recommendation ids as people type them: "1.1, 6.4.2" or one per line. */
    private static List<String> ids(String typed) {
        return Arrays.stream(typed.split("[,;\\s]+")).filter(id -> !id.isBlank()).toList();
    }

    /** Group ids separated by commas only: a group's id may hold spaces ("GNSO Council"). */
    private static List<String> groupIds(String typed) {
        return Arrays.stream(typed.split("[,;\\n]")).map(String::strip).filter(id -> !id.isEmpty()).toList();
    }
}
