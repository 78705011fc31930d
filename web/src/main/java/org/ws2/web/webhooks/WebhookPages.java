package org.ws2.web.webhooks;

import static org.ws2.web.signin.SignInRequired.signedIn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.ws2.web.FieldProblem;
import org.ws2.web.FormValues;
import org.ws2.web.SubscriptionForms;
import org.ws2.web.api.ApiException;
import org.ws2.web.api.Problem;
import org.ws2.web.api.TrackerApi;
import org.ws2.web.signin.SignedInUser;

/**
 * Admins' webhooks: the subscriptions of kind WEBHOOK through which other systems hear of changes
 * ({@code /api/subscriptions}), to register, pause, resume and delete, and each one's delivery log
 * ({@code /api/subscriptions/{id}/deliveries}). Only admins register webhooks, so only admins get these
 * pages; the API also refuses anyone else. The API lists the caller's own subscriptions only: an admin
 * sees the webhooks they registered.
 */
@Controller
@RequiredArgsConstructor
class WebhookPages {

    static final String PAGE = "/settings/webhooks";
    /** What a webhook may follow: the API's filter lists, each typed as comma-separated values. */
    static final List<String> FILTERS = List.of("groupIds", "recommendationIds", "topics", "eventTypes", "engagementKinds");
    static final List<String> CREATE_FIELDS = List.of("url", "groupIds", "recommendationIds", "topics", "eventTypes",
            "engagementKinds");

    private final TrackerApi api;

    @GetMapping(PAGE)
    String list(SignedInUser user, Model model, HttpServletResponse response) {
        return asAdmin(user, response, () -> {
            model.addAttribute("newForm", Map.of());
            return listed(user, model);
        });
    }

    /**
     * Registers a webhook. The answer carries its signing secret, which the API never shows again: the page
     * shows it this once, answered directly (no redirect, which would lose it) and marked not to be stored.
     */
    @PostMapping(PAGE)
    String create(@RequestParam Map<String, String> form, SignedInUser user, Model model, HttpServletResponse response) {
        return asAdmin(user, response, () -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", "WEBHOOK");
            body.put("url", FormValues.blankToNull(form.get("url")));
            SubscriptionForms.putFilters(body, FILTERS, form);
            TrackerApi.Outcome outcome = api.send(HttpMethod.POST, "/api/subscriptions", body, null, user);
            if (outcome.ok()) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                model.addAttribute("created", outcome.body());
                model.addAttribute("newForm", Map.of());
            } else {
                model.addAttribute("newForm", FormValues.typed(form, CREATE_FIELDS));
                model.addAttribute(FieldProblem.MODEL, FieldProblem.of("new", outcome.problem(), CREATE_FIELDS));
            }
            return listed(user, model);
        });
    }

    /**
     * Pause or resume: the webhook as the API holds it, only {@code enabled} changed (resuming also clears
     * the pause the service made after failed deliveries). The version the page showed goes as If-Match,
     * so a change made elsewhere since is refused, not overwritten.
     */
    @PostMapping(PAGE + "/{id}/enabled")
    String enable(@PathVariable String id, @RequestParam boolean enabled, @RequestParam(defaultValue = "") String version,
            SignedInUser user, Model model, HttpServletResponse response) {
        return asAdmin(user, response, () -> {
            Map<String, Object> current = api.get(TrackerApi.path("/api/subscriptions/{id}", id), user);
            Map<String, Object> body = new LinkedHashMap<>();
            // a webhook has a url and filters; channels, email and cadence are refused on one
            body.put("kind", "WEBHOOK");
            body.put("url", current.get("url"));
            for (String filter : FILTERS) {
                body.put(filter, current.getOrDefault(filter, List.of()));
            }
            body.put("enabled", enabled);
            return after(api.send(HttpMethod.PUT, TrackerApi.path("/api/subscriptions/{id}", id), body, version, user), id,
                    user, model);
        });
    }

    @PostMapping(PAGE + "/{id}/delete")
    String delete(@PathVariable String id, SignedInUser user, Model model, HttpServletResponse response) {
        return asAdmin(user, response, () -> after(api.send(HttpMethod.DELETE, TrackerApi.path("/api/subscriptions/{id}", id),
                null, null, user), id, user, model));
    }

    /** One webhook and its delivery log: each message, newest first, with every attempt to deliver it. */
    @GetMapping(PAGE + "/{id}")
    String deliveries(@PathVariable String id, SignedInUser user, Model model, HttpServletResponse response) {
        return asAdmin(user, response, () -> {
            Map<String, Object> webhook = api.get(TrackerApi.path("/api/subscriptions/{id}", id), user);
            if (!"WEBHOOK".equals(webhook.get("kind"))) {
                throw new ApiException(new Problem(404, null, "Not Found",
                        "There is no webhook " + id + " of yours.", null));
            }
            model.addAttribute("webhook", webhook);
            model.addAttribute("deliveries", api.getList(TrackerApi.path("/api/subscriptions/{id}/deliveries", id), user));
            return "webhook";
        });
    }

    /** Signed out: to the sign-in page. Not an admin: the 403 page. An admin: the page {@code page} makes. */
    private static String asAdmin(SignedInUser user, HttpServletResponse response, Supplier<String> page) {
        return signedIn(user, () -> {
            if (!user.admin()) {
                response.setStatus(HttpStatus.FORBIDDEN.value());
                return "webhooks-forbidden";
            }
            return page.get();
        });
    }

    /** Success: back to the list (post/redirect/get). A refusal: the list, the problem beside that webhook. */
    private String after(TrackerApi.Outcome outcome, String id, SignedInUser user, Model model) {
        if (outcome.ok()) {
            return "redirect:" + PAGE;
        }
        model.addAttribute("newForm", Map.of());
        model.addAttribute(FieldProblem.MODEL, FieldProblem.of(id, outcome.problem(), List.of()));
        return listed(user, model);
    }

    private String listed(SignedInUser user, Model model) {
        model.addAttribute("webhooks", api.getList("/api/subscriptions", user).stream()
                .filter(s -> "WEBHOOK".equals(s.get("kind"))).toList());
        return "webhooks";
    }
}
