package org.ws2.gateway.support;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway under test that trusts {@link TestTokens} and is called through {@link #client}. The test class
 * (or a base of it) declares the backends its routes lead to.
 */
public abstract class GatewayTestBase {

    protected static final TestTokens TOKENS = TestTokens.create();

    @DynamicPropertySource
    static void trustTheTestTokens(DynamicPropertyRegistry registry) {
        TOKENS.trustedBy(registry);
    }

    @Autowired
    protected WebTestClient client;

    /** The client, waiting long enough for a first request's lazy start-up work on a busy machine. */
    protected WebTestClient patient() {
        return client.mutate().responseTimeout(Duration.ofSeconds(20)).build();
    }
}
