package org.ws2.gateway.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway whose every route leads to one {@link TestBackend}. The backend is shared by the test classes
 * that extend this and lives as long as the test JVM; a test class that needs its own (or a service that is
 * down) declares it itself.
 */
public abstract class OneBackendGatewayTestBase extends GatewayTestBase {

    protected static final TestBackend BACKEND = TestBackend.start("any");

    @DynamicPropertySource
    static void routeEverythingToTheBackend(DynamicPropertyRegistry registry) {
        BACKEND.routeEveryService(registry);
    }
}
