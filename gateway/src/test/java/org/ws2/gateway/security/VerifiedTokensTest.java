package org.ws2.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    static final String ISSUER = "ws2-local";
    static final String AUDIENCE = "ws2-tracker";

    /** Stands in for the signature check: counts the tokens it was given, answers each with the claims set for it. */
    final AtomicInteger checked = new AtomicInteger();
    Jwt next;
    final ReactiveJwtDecoder signatures = token -> Mono.defer(() -> {
        checked.incrementAndGet();
        return next != null ? Mono.just(next) : Mono.error(new BadJwtException("bad signature"));
    });
    final VerifiedTokens tokens = new VerifiedTokens(signatures, JwtDecoderConfiguration.tokenRules(ISSUER, AUDIENCE));

    @Test
    void aTokenVerifiedOnceIsNotCheckedAgainWhileItHolds() {
        next = jwt("a", Instant.now().plus(Duration.ofMinutes(5)));

        assertThat(tokens.decode("a").block().getSubject()).isEqualTo("sam");
        assertThat(tokens.decode("a").block().getSubject()).isEqualTo("sam");

        assertThat(checked.get()).isEqualTo(1);
    }

    @Test
    void aRememberedTokenThatHasExpiredIsRefusedByTheDecoder() {
        // accepted when first seen (the stand-in does not look at the expiry), expired beyond the clock skew since
        next = jwt("b", Instant.now().minus(Duration.ofMinutes(5)));
        tokens.decode("b").block();
        next = null;

        assertThatThrownBy(() -> tokens.decode("b").block()).isInstanceOf(BadJwtException.class);
        assertThat(checked.get()).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        next = null;
        assertThatThrownBy(() -> tokens.decode("c").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("c").block()).isInstanceOf(BadJwtException.class);

        assertThat(checked.get()).isEqualTo(2);
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token).header("alg", "RS256").issuer(ISSUER).audience(List.of(AUDIENCE))
                .subject("sam").issuedAt(expiresAt.minus(Duration.ofMinutes(10))).expiresAt(expiresAt).build();
    }
}
