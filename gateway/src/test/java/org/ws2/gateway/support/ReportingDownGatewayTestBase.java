package org.ws2.gateway.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway whose every route leads to one {@link TestBackend} but the reporting service's, whose port is
 * reserved and never listened on: what is routed there fails, as when the service is away. Both are shared
 * by the test classes that extend this and live as long as the test JVM; a test class that brings the
 * service back declares its own.
 */
public abstract class ReportingDownGatewayTestBase extends GatewayTestBase {

    protected static final TestBackend UP = TestBackend.start("up");
    protected static final TestBackend DOWN = TestBackend.notStarted("reporting");

    @DynamicPropertySource
    static void routeEveryServiceButReportingToTheBackend(DynamicPropertyRegistry registry) {
        UP.routeEveryServiceButReporting(DOWN, registry);
    }
}
