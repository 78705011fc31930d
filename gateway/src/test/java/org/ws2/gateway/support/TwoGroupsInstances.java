package org.ws2.gateway.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The groups service as two instances behind its one route, every other service on a third backend, for one
 * test class: register it as a static {@code @RegisterExtension} field, route the gateway from the class's
 * {@code @DynamicPropertySource}; the backends stop after the class's tests.
 */
public final class TwoGroupsInstances implements AfterAllCallback {

    private final TestBackend others = TestBackend.start("others");
    private final TestBackend first = TestBackend.start("groups-1");
    private final TestBackend second = TestBackend.start("groups-2");

    public TestBackend first() {
        return first;
    }

    public TestBackend second() {
        return second;
    }

    public void routeTheGateway(DynamicPropertyRegistry registry) {
        others.routeEveryServiceBut("WS2_GROUPS_URI", () -> first.uri() + "," + second.uri(), registry);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        others.close();
        first.close();
        second.close();
    }
}
