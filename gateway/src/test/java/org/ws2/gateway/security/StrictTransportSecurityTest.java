package org.ws2.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.ws2.gateway.support.OneBackendGatewayTestBase;

/**
 * Behind a TLS-terminating proxy the gateway sees plain HTTP, so it sends HSTS when told to, on every answer:
 * proxied ones and its own problems alike. (Without the setting it sends none: GatewayHardeningTest.)
 */
@TestPropertySource(properties = "ws2.strict-transport-security=max-age=31536000; includeSubDomains")
class StrictTransportSecurityTest extends OneBackendGatewayTestBase {

    static final String HSTS = "Strict-Transport-Security";

    @Test
    void everyAnswerCarriesItWhenConfigured() {
        client.get().uri("/api/recommendations/2.1").exchange()
            .expectStatus().isOk()
            .expectHeader().valueEquals(HSTS, "max-age=31536000; includeSubDomains");
        client.post().uri("/api/recommendations").exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().valueEquals(HSTS, "max-age=31536000; includeSubDomains");
    }
}
