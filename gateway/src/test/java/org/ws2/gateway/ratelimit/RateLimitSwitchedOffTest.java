package org.ws2.gateway.ratelimit;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.ws2.gateway.support.OneBackendGatewayTestBase;

/**
 * {@code WS2_RATE_LIMIT_ENABLED=false} switches the allowances off when the gateway starts, not when it is
 * built: the local stack runs the gateway's AOT-processed context, whose beans the build fixed (ADR 0042).
 */
@TestPropertySource(properties = { "ws2.rate-limit.enabled=false", "ws2.rate-limit.reads-per-minute=1",
        "ws2.rate-limit.writes-per-minute=1" })
class RateLimitSwitchedOffTest extends OneBackendGatewayTestBase {

    @Test
    void noCallerIsRefusedNorToldAnAllowance() {
        String editor = TOKENS.valid("alac-editor-9", List.of("group-editor"), List.of("ALAC"));
        for (int i = 0; i < 3; i++) {
            postJson("/api/recommendations", editor, "{\"id\":\"9.9\"}").expectStatus().isOk()
                .expectHeader().doesNotExist("RateLimit-Policy");
            client.get().uri("/api/recommendations").header("X-Forwarded-For", "198.51.100.70").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist("RateLimit");
        }
    }
}
