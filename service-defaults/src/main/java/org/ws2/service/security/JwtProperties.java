package org.ws2.service.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keys that sign bearer tokens come from. In production {@code issuerUri} names any OIDC
 * provider; the local stack instead hands every service the public half of its own signing key.
 *
 * @param issuerUri         {@code WS2_JWT_ISSUER_URI}: an OIDC issuer whose JWKS verifies tokens
 * @param publicKeyLocation {@code WS2_JWT_PUBLIC_KEY_LOCATION}: a Spring resource holding an RSA
 *                          public key in PEM form
 */
@ConfigurationProperties("ws2.jwt")
public record JwtProperties(String issuerUri, String publicKeyLocation) {
}
