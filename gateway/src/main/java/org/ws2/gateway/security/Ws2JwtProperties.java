package org.ws2.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keys that sign bearer tokens come from. Production names an OIDC issuer (its JWK set is
 * discovered and rotated keys are picked up); the local stack, which has no identity provider, writes
 * one RSA public key to a file instead.
 *
 * @param issuerUri OIDC issuer; wins when both are set
 * @param publicKeyLocation Spring resource location of a PEM "PUBLIC KEY" (RSA, RS256)
 */
@ConfigurationProperties("ws2.jwt")
public record Ws2JwtProperties(String issuerUri, String publicKeyLocation) {
}
