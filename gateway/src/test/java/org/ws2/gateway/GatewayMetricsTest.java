package org.ws2.gateway;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.ws2.gateway.support.ReportingDownGatewayTestBase;


import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the gateway's dashboard and alerts read (docs/metrics.md, ops/): requests per route and
 * status with latency buckets, each breaker's state and the readiness gauge, as Prometheus scrapes
 * them from /actuator/prometheus on the management port.
 */
class GatewayMetricsTest extends ReportingDownGatewayTestBase {

    @Test
    void requestsAreCountedByRouteAndStatusWithLatencyBuckets() {
        client.get().uri("/api/recommendations/1.1").exchange().expectStatus().isOk();
        client.get().uri("/api/reports/progress").exchange().expectStatus().isEqualTo(503);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String scrape = scrape();
            assertThat(scrape).containsPattern(
                    "spring_cloud_gateway_requests_seconds_count\\{[^}]*httpStatusCode=\"200\"[^}]*routeId=\"recommendations\"");
            assertThat(scrape).containsPattern(
                    "spring_cloud_gateway_requests_seconds_bucket\\{[^}]*routeId=\"recommendations\"");
            assertThat(scrape).containsPattern(
                    "spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"reporting\"[^}]*status=\"SERVICE_UNAVAILABLE\"");
            assertThat(scrape).containsPattern("http_server_requests_seconds_bucket\\{[^}]*application=\"gateway\"");
        });
    }

    @Test
    void eachBreakerReportsItsStateAndTheGatewayItsReadiness() {
        client.get().uri("/api/groups").exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            String scrape = scrape();
            assertThat(scrape).containsPattern(
                    "resilience4j_circuitbreaker_state\\{[^}]*name=\"groups\"[^}]*state=\"closed\"[^}]*} 1\\.0");
            assertThat(scrape).containsPattern("ws2_readiness\\{[^}]*application=\"gateway\"[^}]*} 1\\.0");
        });
        // The series names docs/metrics.md lists, for whoever updates it.
        scrape().lines().filter(l -> l.startsWith("resilience4j_") || l.startsWith("spring_cloud_gateway_requests")
                || l.startsWith("ws2_")).map(l -> l.replaceAll("\\{.*", "")).distinct().forEach(System.out::println);
    }

    private String scrape() {
        return operator().get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
