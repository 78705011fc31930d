package org.ws2.web.unsubscribe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.ws2.contracts.notification.UnsubscribeTokens;
import org.ws2.web.EmailedLinkPages;
import org.ws2.web.api.TrackerApi;

/**
 * The page an email's unsubscribe link opens ({@code /unsubscribe?token=...}). Like the confirmation link (see
 * {@link EmailedLinkPages}), opening it changes nothing, since link checkers follow links; its button posts, with
 * the site's CSRF token, and the page then makes the same one-click call a mail client makes from the
 * {@code List-Unsubscribe} header (RFC 8058), with no person's token: the emailed token is the credential.
 *
 * <p>The link of an email asking an address to confirm a subscription says, in its words, what unsubscribing does
 * there: the address declines that person's email, rather than stopping mail it already gets.
 */
@Controller
@RequiredArgsConstructor
class UnsubscribePages {

    static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private final TrackerApi api;

    @GetMapping("/unsubscribe")
    ModelAndView ask(@RequestParam(defaultValue = "") String token) {
        if (token.isBlank()) {
            return missingToken();
        }
        return new ModelAndView("unsubscribe", Map.of("token", token, "declines", declines(token)));
    }

    @PostMapping("/unsubscribe")
    ModelAndView unsubscribe(@RequestParam(defaultValue = "") String token) {
        if (token.isBlank()) {
            return missingToken();
        }
        // URLEncoder, not a URI template: a template leaves '+' as it is, which the API would read as a space
        TrackerApi.Outcome outcome = api.send(HttpMethod.POST,
                "/api/subscriptions/unsubscribe?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                new TrackerApi.FormFields(ONE_CLICK), null, null);
        if (outcome.ok()) {
            return new ModelAndView("unsubscribe", Map.of("unsubscribed", true, "declines", declines(token)));
        }
        return switch (outcome.status()) {
            case 404 -> EmailedLinkPages.refused(HttpStatus.NOT_FOUND, outcome.problem().type(),
                    "This link is unknown or its subscription was deleted.");
            case 400 -> missingToken();
            default -> EmailedLinkPages.problem(HttpStatus.BAD_GATEWAY, outcome.problem());
        };
    }

    /** Whether the link came with a confirmation email, whose unsubscribe declines what the confirmation asked. */
    static boolean declines(String token) {
        return token.startsWith(UnsubscribeTokens.CONFIRMATION);
    }

    private static ModelAndView missingToken() {
        return EmailedLinkPages.refused(HttpStatus.BAD_REQUEST, null, "The link is missing its token.");
    }
}
