package org.ws2.service.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    static final String ISSUER = "ws2-local";
    static final String AUDIENCE = "ws2-tracker";

    /** Stands in for the signature check: counts the tokens it was given, answers each with the claims set for it. */
    final AtomicInteger checked = new AtomicInteger();
    Jwt next;
    final JwtDecoder signatures = token -> {
        checked.incrementAndGet();
        if (next == null) {
            throw new BadJwtException("bad signature");
        }
        return next;
    };
    final VerifiedTokens tokens = new VerifiedTokens(signatures, TokenRules.validator(ISSUER, AUDIENCE));

    @Test
    void aTokenVerifiedOnceIsNotCheckedAgainWhileItHolds() {
        next = jwt("a", Instant.now().plus(Duration.ofMinutes(5)), ISSUER);

        assertThat(tokens.decode("a").getSubject()).isEqualTo("sam");
        assertThat(tokens.decode("a").getSubject()).isEqualTo("sam");

        assertThat(checked.get()).isEqualTo(1);
    }

    @Test
    void aRememberedTokenThatHasExpiredGoesBackToTheDecoder() {
        // accepted when first seen (the stand-in does not look at the expiry), expired beyond the clock skew since
        next = jwt("b", Instant.now().minus(Duration.ofMinutes(5)), ISSUER);
        tokens.decode("b");
        next = null;

        assertThatThrownBy(() -> tokens.decode("b")).isInstanceOf(BadJwtException.class);
        assertThat(checked.get()).isEqualTo(2);
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        next = null;
        assertThatThrownBy(() -> tokens.decode("c")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("c")).isInstanceOf(BadJwtException.class);

        assertThat(checked.get()).isEqualTo(2);
    }

    private static Jwt jwt(String token, Instant expiresAt, String issuer) {
        return Jwt.withTokenValue(token).header("alg", "RS256").issuer(issuer).audience(List.of(AUDIENCE))
                .subject("sam").issuedAt(expiresAt.minus(Duration.ofMinutes(10))).expiresAt(expiresAt).build();
    }
}
