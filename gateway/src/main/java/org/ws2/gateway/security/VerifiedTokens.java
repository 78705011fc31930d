package org.ws2.gateway.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Tokens whose signature was verified lately, so that a client sending the same token with every request pays
 * the parsing and the RSA check once a minute rather than on each request (the RSA check is the costliest step of
 * a proxied read with a token: docs/performance.md, "Gateway cost per request").
 * <p>
 * Only tokens the decoder accepted are remembered, and each use checks the token's rules again (expiry, issuer,
 * audience), so an expired token is refused as before, in the decoder's own words. What a remembered token skips
 * is the signature check: a key withdrawn from the issuer's key set stops the tokens it signed within
 * {@link #REMEMBERED} of their last check, not at once.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    static final Duration REMEMBERED = Duration.ofMinutes(1);

    /** A token and its claims take a few kilobytes; this bounds them to a few megabytes of the gateway's heap. */
    private static final int MOST = 1_000;

    private final ReactiveJwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> rules;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MOST)
            .expireAfterWrite(REMEMBERED)
            .build();

    VerifiedTokens(ReactiveJwtDecoder decoder, OAuth2TokenValidator<Jwt> rules) {
        this.decoder = decoder;
        this.rules = rules;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (!rules.validate(known).hasErrors()) {
                return Mono.just(known);
            }
            verified.invalidate(token);
        }
        return decoder.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }
}
