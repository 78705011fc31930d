package org.ws2.web.inbox;

import static org.ws2.web.signin.SignInRequired.signedIn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.ws2.web.api.TrackerApi;
import org.ws2.web.signin.SignedInUser;

/**
 * A signed-in person's notices ({@code GET /api/notifications}: unread first, then newest first), each
 * linking to the page it is about, with "mark read" per notice and for all of them.
 */
@Controller
@RequiredArgsConstructor
class InboxPages {

    static final int PAGE_SIZE = 50;

    private final TrackerApi api;

    @GetMapping("/inbox")
    String inbox(@RequestParam(defaultValue = "0") int page, SignedInUser user, Model model) {
        return signedIn(user, () -> {
            fill(Math.max(page, 0), user, model);
            return "inbox";
        });
    }

    @PostMapping("/inbox/{id}/read")
    String read(@PathVariable String id, @RequestParam(defaultValue = "0") int page, SignedInUser user, Model model) {
        return signedIn(user, () -> back(api.send(HttpMethod.POST, TrackerApi.path("/api/notifications/{id}/read", id),
                null, null, user), Math.max(page, 0), user, model));
    }

    @PostMapping("/inbox/read-all")
    String readAll(@RequestParam(defaultValue = "0") int page, SignedInUser user, Model model) {
        return signedIn(user, () -> back(api.send(HttpMethod.POST, "/api/notifications/read-all", null, null, user),
                Math.max(page, 0), user, model));
    }

    /** Success: back to the list (post/redirect/get). A refusal: the list again, with the problem above it. */
    private String back(TrackerApi.Outcome outcome, int page, SignedInUser user, Model model) {
        if (outcome.ok()) {
            return page > 0 ? "redirect:/inbox?page=" + page : "redirect:/inbox";
        }
        model.addAttribute("inboxProblem", outcome.problem());
        fill(page, user, model);
        return "inbox";
    }

    @SuppressWarnings("unchecked")
    private void fill(int page, SignedInUser user, Model model) {
        Map<String, Object> inbox = api.get("/api/notifications?page=" + page + "&size=" + PAGE_SIZE, user);
        List<Map<String, Object>> notices = ((List<Map<String, Object>>) inbox.getOrDefault("items", List.of())).stream()
                .map(InboxPages::withHref).toList();
        long total = ((Number) inbox.getOrDefault("total", 0)).longValue();
        model.addAttribute("notices", notices);
        model.addAttribute("unread", ((Number) inbox.getOrDefault("unread", 0)).longValue());
        model.addAttribute("total", total);
        model.addAttribute("page", page);
        model.addAttribute("hasNext", (page + 1L) * PAGE_SIZE < total);
    }

    /**
     * The notice with {@code href}: its link when that is a path on this site. The link comes from event
     * data; a full URL or a protocol-relative {@code //host} would send the person elsewhere.
     */
    static Map<String, Object> withHref(Map<String, Object> notice) {
        Map<String, Object> shown = new LinkedHashMap<>(notice);
        Object link = notice.get("link");
        boolean sameSite = link instanceof String path && path.startsWith("/") && !path.startsWith("//")
                && !path.contains("\\");
        shown.put("href", sameSite ? link : null);
        return shown;
    }
}
