package org.ws2.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param gatewayUri      where this module reaches the public API (the same gateway browsers use)
 * @param localSigningKey folder holding the local stack's {@code private-key.pem}; empty in production,
 *                        and then the local sign-in page does not exist
 * @param secureCookies   mark the token cookie Secure (production runs behind HTTPS)
 */
@ConfigurationProperties("ws2.web")
public record WebProperties(String gatewayUri, String localSigningKey, boolean secureCookies) {

    public boolean localSignIn() {
        return localSigningKey != null && !localSigningKey.isBlank();
    }
}
