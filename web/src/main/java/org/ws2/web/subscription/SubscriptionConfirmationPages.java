package org.ws2.web.subscription;

import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.ws2.web.EmailedLinkPages;
import org.ws2.web.api.TrackerApi;

/**
 * The page a subscription's confirmation email links to ({@code <public base URL>/subscriptions/confirm?token=...}).
 * Opening the link only asks: mail scanners and link previews follow links, and must not subscribe anyone.
 * The button confirms, with the form's CSRF token like every other form here, through
 * {@code POST /api/subscriptions/confirmations}; the emailed token is the credential, so no sign-in is needed.
 */
@Controller
@RequiredArgsConstructor
class SubscriptionConfirmationPages {

    private final TrackerApi api;

    @GetMapping("/subscriptions/confirm")
    ModelAndView ask(@RequestParam(defaultValue = "") String token) {
        if (token.isBlank()) {
            return incomplete();
        }
        return new ModelAndView("subscription-confirm", Map.of("token", token));
    }

    @PostMapping("/subscriptions/confirm")
    ModelAndView confirm(@RequestParam(defaultValue = "") String token) {
        if (token.isBlank()) {
            return incomplete();
        }
        // no person's token: whoever holds the emailed link may confirm, signed in or not
        TrackerApi.Outcome outcome = api.send(HttpMethod.POST, "/api/subscriptions/confirmations",
                Map.of("token", token), null, null);
        if (outcome.ok()) {
            return new ModelAndView("subscription-confirm", Map.of("email", String.valueOf(outcome.body().get("email"))));
        }
        if (outcome.status() == 404) {
            return EmailedLinkPages.refused(HttpStatus.NOT_FOUND, outcome.problem().type(),
                    "This confirmation link is unknown or has expired. Subscribe again to get a new one.");
        }
        return EmailedLinkPages.problem(HttpStatus.BAD_GATEWAY, outcome.problem());
    }

    private static ModelAndView incomplete() {
        return EmailedLinkPages.refused(HttpStatus.NOT_FOUND, null,
                "This confirmation link is incomplete: open the whole link from the email.");
    }
}
