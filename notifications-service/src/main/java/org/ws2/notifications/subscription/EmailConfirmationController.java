package org.ws2.notifications.subscription;

import lombok.RequiredArgsConstructor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.service.problem.ApiProblem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The link of a confirmation email opens a page (web module) that posts its token here. Whoever holds
 * the address need not have an account, so this is the one write that needs no sign-in.
 */
@RestController
@Tag(name = "Subscriptions")
@RequiredArgsConstructor
class EmailConfirmationController {

    static final String PATH = "/api/subscriptions/confirmations";

    private final EmailConfirmations confirmations;

    @PostMapping(PATH)
    @Operation(summary = "Confirms an email address with the token its confirmation email carried (no sign-in)")
    Confirmed confirm(@RequestBody ConfirmationRequest request) {
        if (request.token() == null || request.token().isBlank()) {
            throw ApiProblem.invalidInput("token", "Send the token of the confirmation email's link.");
        }
        return confirmations.confirm(request.token())
                .map(address -> new Confirmed(address, true))
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Confirmation not found",
                        "The link is unknown or has expired; saving the subscription again sends a new one."));
    }

    record ConfirmationRequest(String token) {
    }

    record Confirmed(String email, boolean confirmed) {
    }

    /**
     * Lets the confirmation through the shared rule that every write needs a token. Spring Security
     * applies every {@code Customizer<HttpSecurity>} bean to the service's chain before the shared
     * configuration adds its own rules, so this rule comes first.
     */
    @Configuration(proxyBeanMethods = false)
    static class AnonymousConfirmation {

        @Bean
        Customizer<HttpSecurity> confirmationNeedsNoToken() {
            return http -> http.authorizeHttpRequests(requests -> requests
                    .requestMatchers(HttpMethod.POST, PATH).permitAll());
        }
    }
}
