package org.ws2.gateway.routing;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ws2.gateway.support.GatewayTestBase;
import org.ws2.gateway.support.TwoGroupsInstances;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load balancer checks each instance's readiness on its interval (5 s), in the background, and routes
 * requests over the instances found ready. It must not check on every request: that costs each request a
 * readiness call to every instance before it is routed, and sends it to whichever instance answered that
 * call first rather than round robin.
 */
class HealthChecksOnTheirIntervalTest extends GatewayTestBase {

    static final Duration INTERVAL = Duration.ofSeconds(5);

    @RegisterExtension
    static final TwoGroupsInstances GROUPS = new TwoGroupsInstances();

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        GROUPS.routeTheGateway(registry);
        registry.add("spring.cloud.loadbalancer.health-check.interval", () -> INTERVAL.toSeconds() + "s");
    }

    @Test
    void readinessIsCheckedOnTheIntervalNotOnEveryRequestAndRequestsGoRoundRobin() {
        // the first request also builds the route's load balancer; count from the next one
        client.get().uri("/api/groups/ALAC").exchange().expectStatus().isOk();
        int checksBefore = GROUPS.first().readinessChecks() + GROUPS.second().readinessChecks();
        int servedBefore1 = GROUPS.first().requestsRouted();
        int servedBefore2 = GROUPS.second().requestsRouted();
        long started = System.nanoTime();
        int requests = 40;
        for (int i = 0; i < requests; i++) {
            client.get().uri("/api/groups/ALAC").exchange().expectStatus().isOk();
        }
        long elapsed = System.nanoTime() - started;
        int checks = GROUPS.first().readinessChecks() + GROUPS.second().readinessChecks() - checksBefore;
        // one round (both instances) per interval that passed, and one more for a round under way
        long rounds = elapsed / INTERVAL.toNanos() + 2;
        assertThat(checks).as("readiness checks during %d requests in %d ms", requests, elapsed / 1_000_000)
                .isLessThanOrEqualTo((int) (2 * rounds));
        assertThat(GROUPS.first().requestsRouted() - servedBefore1).as("requests routed to groups-1").isGreaterThanOrEqualTo(requests / 4);
        assertThat(GROUPS.second().requestsRouted() - servedBefore2).as("requests routed to groups-2").isGreaterThanOrEqualTo(requests / 4);
    }
}
