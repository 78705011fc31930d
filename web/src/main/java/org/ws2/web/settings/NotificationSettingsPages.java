package org.ws2.web.settings;

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
import org.ws2.web.FormValues;
import org.ws2.web.SubscriptionForms;
import org.ws2.web.api.Problem;
import org.ws2.web.api.TrackerApi;
import org.ws2.web.signin.SignedInUser;

/**
 * A person's notification settings: their subscriptions ({@code /api/subscriptions}) — which channels,
 * how often email goes out, what they follow — to create, change, pause, resume and delete. A refusal
 * comes back beside the field the API named, with what the person typed; nothing is changed by it.
 */
@Controller
@RequiredArgsConstructor
class NotificationSettingsPages {

    static final String PAGE = "/settings/notifications";
    static final List<String> CHANNELS = List.of("INBOX", "EMAIL");
    static final List<String> CADENCES = List.of("IMMEDIATE", "DAILY", "WEEKLY");
    /** What a subscription may follow: the API's list fields, each typed as comma-separated values. */
    static final List<String> FILTERS = List.of("groupIds", "recommendationIds", "topics", "eventTypes");

    private final TrackerApi api;

    @GetMapping(PAGE)
    String settings(SignedInUser user, Model model) {
        return signedIn(user, () -> {
            fill(user, model, null, null, null);
            return "settings";
        });
    }

    @PostMapping(PAGE)
    String create(@RequestParam Map<String, String> form, @RequestParam(defaultValue = "") List<String> channels,
            SignedInUser user, Model model) {
        return signedIn(user, () -> {
            Map<String, Object> wanted = request(form, channels);
            return after(api.send(HttpMethod.POST, "/api/subscriptions", wanted, null, user), "new", wanted, user, model);
        });
    }

    @PostMapping(PAGE + "/{id}")
    String change(@PathVariable String id, @RequestParam Map<String, String> form,
            @RequestParam(defaultValue = "") List<String> channels, SignedInUser user, Model model) {
        return signedIn(user, () -> {
            Map<String, Object> wanted = request(form, channels);
            wanted.put("enabled", Boolean.parseBoolean(form.getOrDefault("enabled", "true")));
            return after(api.send(HttpMethod.PUT, TrackerApi.path("/api/subscriptions/{id}", id), wanted,
                    form.get("version"), user), id, wanted, user, model);
        });
    }

    /**
     * Pause or resume: the same subscription as the page showed it with only {@code enabled} changed. The
     * version the page showed goes as If-Match, so a change made elsewhere since is refused, not overwritten.
     */
    @PostMapping(PAGE + "/{id}/enabled")
    String enable(@PathVariable String id, @RequestParam boolean enabled, @RequestParam(defaultValue = "") String version,
            SignedInUser user, Model model) {
        return signedIn(user, () -> {
            TrackerApi.Outcome current = api.send(HttpMethod.GET, TrackerApi.path("/api/subscriptions/{id}", id),
                    null, null, user);
            if (!current.ok()) {
                return after(current, id, null, user, model);
            }
            Map<String, Object> wanted = new LinkedHashMap<>();
            for (String field : List.of("channels", "cadence", "email", "groupIds", "recommendationIds", "topics",
                    "eventTypes", "engagementKinds")) {
                wanted.put(field, current.body().get(field));
            }
            wanted.put("enabled", enabled);
            return after(api.send(HttpMethod.PUT, TrackerApi.path("/api/subscriptions/{id}", id), wanted, version, user),
                    id, null, user, model);
        });
    }

    @PostMapping(PAGE + "/{id}/delete")
    String delete(@PathVariable String id, SignedInUser user, Model model) {
        return signedIn(user, () -> after(api.send(HttpMethod.DELETE, TrackerApi.path("/api/subscriptions/{id}", id),
                null, null, user), id, null, user, model));
    }

    /** Success: back to the settings (post/redirect/get). A refusal: the settings again, the problem beside its field. */
    private String after(TrackerApi.Outcome outcome, String key, Map<String, Object> typed, SignedInUser user, Model model) {
        if (outcome.ok()) {
            return "redirect:" + PAGE;
        }
        fill(user, model, key, outcome.problem(), typed);
        return "settings";
    }

    /**
     * The page's model. {@code typed} is what the person sent in the refused form {@code key} ("new" or a
     * subscription's id): shown again in place of the saved values, so nothing typed is lost.
     */
    @SuppressWarnings("unchecked")
    private void fill(SignedInUser user, Model model, String key, Problem problem, Map<String, Object> typed) {
        List<Map<String, Object>> subscriptions = api.getList("/api/subscriptions", user).stream()
                // webhooks are systems' subscriptions, registered by admins through the API
                .filter(s -> !"WEBHOOK".equals(s.get("kind")))
                .map(s -> typed != null && key.equals(String.valueOf(s.get("id"))) ? merged(s, typed) : s)
                .toList();
        model.addAttribute("subscriptions", subscriptions);
        model.addAttribute("newForm", typed != null && "new".equals(key) ? typed : Map.of("channels", List.of("INBOX"),
                "cadence", "IMMEDIATE"));
        model.addAttribute("problemKey", key);
        model.addAttribute("problem", problem);
        model.addAttribute("channelChoices", CHANNELS);
        model.addAttribute("cadenceChoices", CADENCES);
    }

    private static Map<String, Object> merged(Map<String, Object> saved, Map<String, Object> typed) {
        Map<String, Object> shown = new LinkedHashMap<>(saved);
        shown.putAll(typed);
        return shown;
    }

    /** The form as the API's subscription request; a blank email means "the address my sign-in carries". */
    private static Map<String, Object> request(Map<String, String> form, List<String> channels) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("channels", channels.stream().filter(c -> !c.isBlank()).toList());
        request.put("cadence", FormValues.blankToNull(form.get("cadence")));
        request.put("email", channels.contains("EMAIL") ? FormValues.blankToNull(form.get("email")) : null);
        SubscriptionForms.putFilters(request, FILTERS, form);
        return request;
    }
}
