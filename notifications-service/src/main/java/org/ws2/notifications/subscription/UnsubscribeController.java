package org.ws2.notifications.subscription;

import java.net.URI;

import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import org.ws2.notifications.email.MailProperties;
import org.ws2.service.problem.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * One-click unsubscribe (RFC 8058). Every email (sent because of a subscription, to a group's contact, or to
 * confirm an address) names this URL in its {@code List-Unsubscribe} header (the token says which,
 * {@link Unsubscribes}); the mail client posts it, form-encoded
 * ({@code List-Unsubscribe=One-Click}), with nobody signed in, so the token in the URL is the only
 * credential. The email's body links to the page {@code /unsubscribe?token=} (web module), which posts
 * the same token here.
 */
@RestController
@Tag(name = "Subscriptions")
@RequiredArgsConstructor
class UnsubscribeController {

    static final String PATH = "/api/subscriptions/unsubscribe";

    private final Unsubscribes unsubscribes;
    private final MailProperties mail;

    /** The body RFC 8058 prescribes is accepted and not required: the token alone decides. */
    @PostMapping(PATH)
    @Operation(summary = "Stops the email of the subscription an email's unsubscribe link names, every "
            + "contact email to the address it names, or the email a confirmation asked for (no sign-in; "
            + "RFC 8058 one-click: the body is List-Unsubscribe=One-Click)")
    Unsubscribed unsubscribe(@RequestParam(required = false) String token) {
        if (token == null || token.isBlank()) {
            throw ApiProblem.invalidInput("token", "Send the token of the email's unsubscribe link.");
        }
        if (!unsubscribes.unsubscribe(token.strip())) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Subscription not found",
                    "The unsubscribe link is unknown, or its subscription was deleted.");
        }
        return new Unsubscribed(true);
    }

    /**
     * A person's browser opening the header's URL (a mail client without one-click support) is sent to
     * the page, which asks before it unsubscribes: a GET must change nothing, as link checkers follow them.
     */
    @GetMapping(PATH)
    @Operation(summary = "Redirects to the unsubscribe page for people (changes nothing)")
    ResponseEntity<Void> page(@RequestParam(required = false) String token) {
        URI page = UriComponentsBuilder.fromUriString(mail.publicBaseUrl()).path(Unsubscribed.PAGE)
                .queryParamIfPresent("token", java.util.Optional.ofNullable(token)).encode().build().toUri();
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(page).build();
    }

    /** @param unsubscribed true: the subscription, or contact email to the address, sends no more email (now or already) */
    record Unsubscribed(boolean unsubscribed) {

        static final String PAGE = "/unsubscribe";
    }

    /** Lets the one-click unsubscribe through the shared rule that every write needs a token (see confirmations). */
    @Configuration(proxyBeanMethods = false)
    static class AnonymousUnsubscribe {

        @Bean
        Customizer<HttpSecurity> unsubscribeNeedsNoToken() {
            return http -> http.authorizeHttpRequests(requests -> requests
                    .requestMatchers(HttpMethod.POST, PATH).permitAll()
                    .requestMatchers(HttpMethod.GET, PATH).permitAll());
        }
    }
}
