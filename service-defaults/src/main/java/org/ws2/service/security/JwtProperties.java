package org.ws2.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the keys that sign bearer tokens come from, and what a token must say to be accepted. In
 * production {@code issuerUri} names any OIDC provider; the local stack instead hands every service
 * the public half of its own signing key. Every token must carry {@code iss}, {@code aud} and
 * {@code exp}.
 *
 * @param issuerUri         {@code WS2_JWT_ISSUER_URI}: an OIDC issuer whose JWKS verifies tokens (it is
 *                          also the {@code iss} required)
 * @param publicKeyLocation {@code WS2_JWT_PUBLIC_KEY_LOCATION}: a Spring resource holding an RSA
 *                          public key in PEM form
 * @param issuer            {@code WS2_JWT_ISSUER}: the {@code iss} required with a public key
 *                          (default {@code ws2-local}, the local stack's)
 * @param audience          {@code WS2_JWT_AUDIENCE}: a value {@code aud} must contain (default
 *                          {@code ws2-tracker})
 */
@ConfigurationProperties("ws2.jwt")
public record JwtProperties(String issuerUri, String publicKeyLocation, @DefaultValue("ws2-local") String issuer,
        @DefaultValue("ws2-tracker") String audience) {
}
