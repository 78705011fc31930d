package org.ws2.gateway.routing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ws2.gateway.support.TestBackend;
import org.ws2.gateway.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load balancer checks each instance's readiness on its interval (5 s), in the background, and routes
 * requests over the instances found ready. It must not check on every request: that costs each request a
 * readiness call to every instance before it is routed, and sends it to whichever instance answered that
 * call first rather than round robin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class HealthChecksOnTheirIntervalTest {

    static final TestTokens TOKENS = TestTokens.create();
    static final TestBackend OTHERS = TestBackend.start("others");
    static final CountingBackend GROUPS_1 = new CountingBackend("groups-1");
    static final CountingBackend GROUPS_2 = new CountingBackend("groups-2");
    static final Duration INTERVAL = Duration.ofSeconds(5);

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        OTHERS.routeEveryServiceBut("WS2_GROUPS_URI", () -> GROUPS_1.uri() + "," + GROUPS_2.uri(), registry);
        registry.add("spring.cloud.loadbalancer.health-check.interval", () -> INTERVAL.toSeconds() + "s");
        TOKENS.trustedBy(registry);
    }

    @AfterAll
    static void stopBackends() {
        OTHERS.close();
        GROUPS_1.close();
        GROUPS_2.close();
    }

    @Autowired
    WebTestClient client;

    @Test
    void readinessIsCheckedOnTheIntervalNotOnEveryRequestAndRequestsGoRoundRobin() {
        WebTestClient patient = client.mutate().responseTimeout(Duration.ofSeconds(20)).build();
        // the first request also builds the route's load balancer; count from the next one
        patient.get().uri("/api/groups/ALAC").exchange().expectStatus().isOk();
        int checksBefore = GROUPS_1.readinessChecks.get() + GROUPS_2.readinessChecks.get();
        int servedBefore1 = GROUPS_1.apiRequests.get();
        int servedBefore2 = GROUPS_2.apiRequests.get();
        long started = System.nanoTime();
        int requests = 40;
        for (int i = 0; i < requests; i++) {
            patient.get().uri("/api/groups/ALAC").exchange().expectStatus().isOk();
        }
        long elapsed = System.nanoTime() - started;
        int checks = GROUPS_1.readinessChecks.get() + GROUPS_2.readinessChecks.get() - checksBefore;
        // one round (both instances) per interval that passed, and one more for a round under way
        long rounds = elapsed / INTERVAL.toNanos() + 2;
        assertThat(checks).as("readiness checks during %d requests in %d ms", requests, elapsed / 1_000_000)
                .isLessThanOrEqualTo((int) (2 * rounds));
        assertThat(GROUPS_1.apiRequests.get() - servedBefore1).as("requests routed to groups-1").isGreaterThanOrEqualTo(requests / 4);
        assertThat(GROUPS_2.apiRequests.get() - servedBefore2).as("requests routed to groups-2").isGreaterThanOrEqualTo(requests / 4);
    }

    /** A backend that counts readiness checks and API requests apart. */
    static final class CountingBackend implements AutoCloseable {
        final AtomicInteger readinessChecks = new AtomicInteger();
        final AtomicInteger apiRequests = new AtomicInteger();
        final HttpServer server;
        final ExecutorService executor = Executors.newCachedThreadPool();

        CountingBackend(String name) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(executor);
            server.createContext("/", exchange -> answer(exchange, name));
            server.start();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void answer(HttpExchange exchange, String name) throws IOException {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                boolean readiness = exchange.getRequestURI().getPath().startsWith("/actuator/health");
                (readiness ? readinessChecks : apiRequests).incrementAndGet();
                byte[] body = (readiness ? "{\"status\":\"UP\"}" : "{\"service\":\"" + name + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
