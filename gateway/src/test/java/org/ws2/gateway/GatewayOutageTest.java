package org.ws2.gateway;

import java.time.Duration;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ws2.gateway.support.GatewayTestBase;
import org.ws2.gateway.support.TestBackend;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service that is down, then comes back: the gateway answers a quick 503 problem meanwhile, and
 * routes again within seconds of the service's return, breaker or no breaker. The methods run in
 * order because they follow one outage.
 */
// Short, so that the "hung service" case runs fast; production uses 30 s.
@TestPropertySource(properties = "spring.cloud.gateway.server.webflux.httpclient.response-timeout=3s")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayOutageTest extends GatewayTestBase {

    static final TestBackend UP = TestBackend.start("up");
    /** The reporting service: its port is reserved, but nothing listens until the test starts it. */
    static final TestBackend REPORTING = TestBackend.notStarted("reporting");
    /** The web module (the pages), down for the whole test. */
    static final TestBackend WEB = TestBackend.notStarted("web");

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        UP.routeEveryServiceButReporting(REPORTING, registry);
        registry.add("WS2_WEB_URI", WEB::uri);
    }

    @AfterAll
    static void stopBackends() {
        UP.close();
        REPORTING.close();
        WEB.close();
    }

    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Autowired
    ReactiveResilience4JCircuitBreakerFactory circuitBreakers;

    @Test
    @Order(1)
    void downServiceIsAQuick503ProblemNamingTheService() {
        // The first call also pays for lazy start-up work (class loading, client pools), which on a
        // busy machine can take seconds; it must still end well before any 30 s timeout.
        assertThat(timed(() -> expect503Problem(client, "/api/reports/progress"))).isLessThan(Duration.ofSeconds(10));
        // Once warm, a refused connection is a problem within moments: nothing waits on a timeout.
        assertThat(timed(() -> expect503Problem(client, "/api/reports/progress/topics"))).isLessThan(Duration.ofSeconds(2));
    }

    private static void expect503Problem(WebTestClient client, String path) {
        client.get().uri(path)
            .exchange()
            .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().exists(HttpHeaders.RETRY_AFTER)
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:ws2:problem:service-unavailable")
            .jsonPath("$.title").isEqualTo("Service Unavailable")
            .jsonPath("$.status").isEqualTo(503)
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("reporting-service"))
            .jsonPath("$.instance").isEqualTo(path);
    }

    private static Duration timed(Runnable action) {
        long started = System.nanoTime();
        action.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Test
    @Order(1)
    void aPageWhileThePagesAreDownIsA503PageNotAProblem() {
        client.get().uri("/recommendations").header(HttpHeaders.ACCEPT, BROWSER_ACCEPT)
            .exchange()
            .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectHeader().exists(HttpHeaders.RETRY_AFTER)
            .expectBody(String.class).value(html -> assertThat(html)
                .contains("<title>Not available")
                .contains("try again shortly")
                .doesNotContain("urn:ws2:problem"));
        // a browser following a link into the API of a service that is down: a page too
        client.get().uri("/api/reports/progress").header(HttpHeaders.ACCEPT, BROWSER_ACCEPT)
            .exchange()
            .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectHeader().exists(HttpHeaders.RETRY_AFTER);
    }

    @Test
    @Order(2)
    void authenticatedWriteToADownServiceIsAlsoA503Problem() {
        postJson("/api/reports/quarterly", TOKENS.valid("sam", List.of("support-staff"), List.of()), "{}")
            .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.instance").isEqualTo("/api/reports/quarterly");
    }

    @Test
    @Order(3)
    void otherServicesAreUnaffected() {
        client.get().uri("/api/groups").exchange().expectStatus().isOk();
    }

    @Test
    @Order(4)
    void breakerOpensUnderRepeatedFailureAndStillAnswers503() {
        CircuitBreaker breaker = circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("reporting");
        // the configured defaults, not Resilience4j's (100 calls, 60 s open)
        assertThat(breaker.getCircuitBreakerConfig().getMinimumNumberOfCalls()).isEqualTo(5);
        assertThat(breaker.getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            client.get().uri("/api/reports/progress").exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            return breaker.getState() == CircuitBreaker.State.OPEN;
        });

        client.get().uri("/api/reports/progress")
            .exchange()
            .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("reporting-service"));
    }

    @Test
    @Order(5)
    void routeWorksAgainWithinSecondsOfTheServiceComingBack() {
        REPORTING.start();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
            "reporting".equals(client.get().uri("/api/reports/progress")
                .exchange()
                .returnResult(String.class)
                .getResponseHeaders()
                .getFirst("X-Backend")));
        // and stays working: the half-open trial calls succeed and the breaker closes
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> {
            client.get().uri("/api/reports/progress").exchange().expectStatus().isOk();
            return circuitBreakers.getCircuitBreakerRegistry().circuitBreaker("reporting").getState()
                    == CircuitBreaker.State.CLOSED;
        });
    }

    @Test
    @Order(6)
    void serviceThatAcceptsButNeverAnswersIsA504ProblemNotAHang() {
        client.mutate().responseTimeout(Duration.ofSeconds(10)).build()
            .get().uri("/api/reports/progress?delayMs=10000")
            .exchange()
            .expectStatus().isEqualTo(HttpStatus.GATEWAY_TIMEOUT)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:ws2:problem:gateway-timeout")
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("reporting-service"))
            .jsonPath("$.instance").isEqualTo("/api/reports/progress");
    }
}
