package org.ws2.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the keys that sign bearer tokens come from. Production names an OIDC issuer (its JWK set is
 * discovered and rotated keys are picked up); the local stack, which has no identity provider, writes
 * one RSA public key to a file instead.
 *
 * @param issuerUri OIDC issuer; wins when both are set
 * @param publicKeyLocation Spring resource location of a PEM "PUBLIC KEY" (RSA, RS256)
 * @param issuer the {@code iss} a token must carry when verified with the public key (default
 *        {@code ws2-local}, the local stack's); with an issuer URI, the URI is the required issuer
 * @param audience a value the token's {@code aud} must contain (default {@code ws2-tracker})
 */
@ConfigurationProperties("ws2.jwt")
public record Ws2JwtProperties(String issuerUri, String publicKeyLocation, @DefaultValue("ws2-local") String issuer,
        @DefaultValue("ws2-tracker") String audience) {
}
