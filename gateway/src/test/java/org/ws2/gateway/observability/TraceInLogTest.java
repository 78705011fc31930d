package org.ws2.gateway.observability;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ws2.gateway.support.ReportingDownGatewayTestBase;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway runs Reactor's context propagation in "limited" mode (no thread-locals restored on every
 * operator), yet its own log lines still carry the request's trace id, and the trace still reaches the
 * service: the route decision at DEBUG, and the warning when a service is away.
 */
@TestPropertySource(properties = "logging.level.org.ws2.gateway.observability.RouteDecisionLog=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class TraceInLogTest extends ReportingDownGatewayTestBase {

    @Test
    void theRouteDecisionIsLoggedInTheRequestsTraceAndTheTraceGoesOnToTheService(CapturedOutput output) {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        client.get().uri("/api/recommendations/1.1")
            .header("traceparent", "00-" + traceId + "-" + traceId.substring(0, 16) + "-01")
            .exchange().expectStatus().isOk();

        assertThat(UP.lastRequest().traceparent()).as("traceparent the service received")
            .matches("00-" + traceId + "-[0-9a-f]{16}-01");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("\"traceId\":\"" + traceId + "\"")))
            .as("gateway log lines in trace %s", traceId)
            .anySatisfy(line -> assertThat(line).contains("routed to recommendations")));
    }

    @Test
    void aServiceThatIsAwayIsLoggedInTheRequestsTrace(CapturedOutput output) {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        client.get().uri("/api/reports/progress")
            .header("traceparent", "00-" + traceId + "-" + traceId.substring(0, 16) + "-01")
            .exchange().expectStatus().isEqualTo(503);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("\"traceId\":\"" + traceId + "\"")))
            .as("gateway log lines in trace %s", traceId)
            .anySatisfy(line -> assertThat(line).contains("WARN").contains("reporting-service unavailable")));
    }
}
