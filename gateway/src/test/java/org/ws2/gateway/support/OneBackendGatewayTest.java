package org.ws2.gateway.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A gateway whose every route leads to one {@link TestBackend}, trusting {@link TestTokens}. The backend
 * is shared by the test classes that extend this and lives as long as the test JVM; a test class that needs
 * its own (or a service that is down) declares it itself.
 */
public abstract class OneBackendGatewayTest {

    protected static final TestTokens TOKENS = TestTokens.create();
    protected static final TestBackend BACKEND = TestBackend.start("any");

    @DynamicPropertySource
    static void routeEverythingToTheBackend(DynamicPropertyRegistry registry) {
        BACKEND.routeEveryService(registry);
        TOKENS.trustedBy(registry);
    }

    @Autowired
    protected WebTestClient client;
}
