package org.ws2.service.security;

import java.time.Duration;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Tokens whose signature was verified lately, so that a caller sending the same token with every request pays
 * the parsing and the RSA check once a minute rather than on each request (the RSA check was about 5 % of a
 * service's CPU per write: docs/performance.md). The gateway remembers the tokens it checks the same way.
 * <p>
 * Only tokens the decoder accepted are remembered, and each use checks the token's rules again (expiry, issuer,
 * audience), so an expired token is refused as before, in the decoder's own words. What a remembered token skips
 * is the signature check: a key withdrawn from the issuer's key set stops the tokens it signed within
 * {@link #REMEMBERED} of their last check, not at once.
 */
final class VerifiedTokens implements JwtDecoder {

    static final Duration REMEMBERED = Duration.ofMinutes(1);

    /** A token and its claims take a few kilobytes; this bounds them to a few megabytes of the heap. */
    private static final int MOST = 1_000;

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> rules;
    private final Cache<String, Jwt> verified = Caffeine.newBuilder()
            .maximumSize(MOST)
            .expireAfterWrite(REMEMBERED)
            .build();

    VerifiedTokens(JwtDecoder decoder, OAuth2TokenValidator<Jwt> rules) {
        this.decoder = decoder;
        this.rules = rules;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            if (!rules.validate(known).hasErrors()) {
                return known;
            }
            verified.invalidate(token);
        }
        Jwt jwt = decoder.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
