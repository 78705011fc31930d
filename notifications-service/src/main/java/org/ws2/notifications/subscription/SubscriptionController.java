package org.ws2.notifications.subscription;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.ws2.contracts.identity.Ws2Roles;
import org.ws2.notifications.subscription.Subscription.Cadence;
import org.ws2.notifications.subscription.Subscription.Channel;
import org.ws2.notifications.subscription.Subscription.SubscriptionKind;
import org.ws2.notifications.webhook.WebhookDeliveryLog;
import org.ws2.notifications.webhook.WebhookDeliveryLog.Delivery;
import org.ws2.notifications.webhook.WebhookSignature;
import org.ws2.notifications.webhook.WebhookTargets;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Actor;
import org.ws2.service.versioning.Versions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * A person's own subscriptions. Another person's subscription answers 404, as if it did not exist:
 * its existence is nobody else's business.
 */
@RestController
@Tag(name = "Subscriptions")
@PreAuthorize("isAuthenticated()")
@RequiredArgsConstructor
class SubscriptionController {

    private final Subscriptions subscriptions;
    private final EmailConfirmations confirmations;
    private final WebhookTargets targets;
    private final WebhookDeliveryLog deliveryLog;
    private final SubscriptionProperties properties;

    @GetMapping("/api/subscriptions")
    @Operation(summary = "The caller's subscriptions")
    List<Subscription> list() {
        return subscriptions.ownedBy(Actor.current().name());
    }

    @GetMapping("/api/subscriptions/{id}")
    @Operation(summary = "One of the caller's subscriptions")
    ResponseEntity<Subscription> get(@PathVariable UUID id) {
        Subscription subscription = owned(id);
        return ResponseEntity.ok().eTag(Versions.toETag(subscription.version())).body(subscription.withoutSecret());
    }

    @PostMapping("/api/subscriptions")
    @Operation(summary = "Follow groups, recommendations, topics or event types; admins register webhooks")
    @Transactional
    ResponseEntity<Subscription> create(@RequestBody SubscriptionRequest request) {
        Actor actor = Actor.current();
        SubscriptionKind kind = request.kind() == null ? SubscriptionKind.PERSON : request.kind();
        if (kind == SubscriptionKind.WEBHOOK && !actor.hasRole(Ws2Roles.ADMIN)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Only admins register webhooks for systems.");
        }
        String secret = kind == SubscriptionKind.WEBHOOK ? WebhookSignature.newSecret() : null;
        Subscription wanted = validated(actor, kind, request, secret);
        // Webhooks are not counted: only admins register them, for systems, and they mail nobody.
        if (kind == SubscriptionKind.PERSON
                && subscriptions.lockAndCountPersonal(actor.name()) >= properties.maxPerPerson()) {
            throw new ApiProblem(HttpStatus.CONFLICT, "subscription-limit", "Too many subscriptions",
                    "A person may have at most " + properties.maxPerPerson()
                            + " subscriptions; change or delete one instead.")
                    .with("limit", properties.maxPerPerson());
        }
        UUID id = subscriptions.insert(wanted);
        askToConfirm(wanted);
        Subscription created = subscriptions.find(id).orElseThrow();
        return ResponseEntity.created(URI.create("/api/subscriptions/" + created.id()))
                .eTag(Versions.toETag(created.version())).body(created);
    }

    @PutMapping("/api/subscriptions/{id}")
    @Operation(summary = "Replaces what one of the caller's subscriptions follows and how (If-Match required)")
    @Transactional
    ResponseEntity<Subscription> replace(@PathVariable UUID id, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
            @RequestBody SubscriptionRequest request) {
        long expected = Versions.requireIfMatch(ifMatch);
        Subscription current = owned(id);
        if (request.kind() != null && request.kind() != current.kind()) {
            throw ApiProblem.invalidInput("kind", "A subscription's kind cannot change; create a new one.");
        }
        Subscription wanted = validated(Actor.current(), current.kind(), request, null);
        Versions.check(expected, current.version());
        if (!subscriptions.replace(id, expected, wanted)) {
            throw ApiProblem.staleVersion(expected, owned(id).version());
        }
        askToConfirm(wanted);
        Subscription saved = owned(id);
        return ResponseEntity.ok().eTag(Versions.toETag(saved.version())).body(saved.withoutSecret());
    }

    @DeleteMapping("/api/subscriptions/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stops one of the caller's subscriptions")
    @Transactional
    void delete(@PathVariable UUID id) {
        owned(id);
        subscriptions.delete(id);
    }

    @GetMapping("/api/subscriptions/{id}/deliveries")
    @Operation(summary = "A webhook subscription's delivery log, newest first, with every attempt")
    List<Delivery> deliveries(@PathVariable UUID id) {
        owned(id);
        return deliveryLog.of(id);
    }

    /** An address other than the caller's own is mailed nothing but a confirmation until it confirms. */
    private void askToConfirm(Subscription wanted) {
        if (wanted.email() != null) {
            confirmations.request(wanted.owner(), wanted.email(), ownEmail());
        }
    }

    private Subscription owned(UUID id) {
        return subscriptions.find(id)
                .filter(subscription -> subscription.owner().equals(Actor.current().name()))
                .orElseThrow(() -> ApiProblem.notFound("Subscription", id.toString()));
    }

    private Subscription validated(Actor actor, SubscriptionKind kind, SubscriptionRequest request, String secret) {
        List<Channel> channels = list(request.channels());
        Cadence cadence = request.cadence() == null ? Cadence.IMMEDIATE : request.cadence();
        String email = null;
        String url = null;
        if (kind == SubscriptionKind.PERSON) {
            if (channels.isEmpty()) {
                throw ApiProblem.invalidInput("channels", "Name at least one channel: INBOX, EMAIL or both.");
            }
            if (request.url() != null) {
                throw ApiProblem.invalidInput("url", "Only a WEBHOOK subscription has a url.");
            }
            if (channels.contains(Channel.EMAIL)) {
                email = request.email() != null ? request.email() : tokenEmail();
                if (email == null) {
                    throw ApiProblem.invalidInput("email", "EMAIL needs an email address; your token carries none.");
                }
                checkEmail(email);
            } else if (request.email() != null) {
                throw ApiProblem.invalidInput("email", "An email address is used only with the EMAIL channel.");
            }
        } else {
            if (!channels.isEmpty() || request.email() != null || request.cadence() != null) {
                throw ApiProblem.invalidInput("channels", "A webhook has a url, not channels, email or cadence.");
            }
            url = request.url();
            String refusal = url == null ? "A webhook needs a url." : targets.refusal(url);
            if (refusal != null) {
                throw ApiProblem.invalidInput("url", refusal);
            }
        }
        SubscriptionFilters filters = request.filters() == null
                ? new SubscriptionFilters(null, null, null, null, null) : request.filters();
        return new Subscription(null, actor.name(), kind, channels, cadence, email, false, filters.validated(), url,
                secret, request.enabled() == null || request.enabled(), null, 0, null, null);
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }

    private static void checkEmail(String email) {
        try {
            new InternetAddress(email, true).validate();
            if (!email.contains("@") || email.length() > 254) {
                throw new AddressException("not an address");
            }
        } catch (AddressException e) {
            throw ApiProblem.invalidInput("email", "email must be one address such as name@example.org.");
        }
    }

    /**
     * The address the caller's token says is theirs, mailed without confirmation; none if the issuer
     * says it has not verified it ({@code email_verified: false}), since then anyone could claim any.
     */
    private static String ownEmail() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token
                && Boolean.FALSE.equals(token.getToken().getClaimAsBoolean("email_verified"))) {
            return null;
        }
        return tokenEmail();
    }

    private static String tokenEmail() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token) {
            return token.getToken().getClaimAsString("email");
        }
        return null;
    }
}
