package org.ws2.gateway;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ws2.gateway.support.TestBackend;
import org.ws2.gateway.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the groups service behind one route: the gateway spreads requests over both,
 * and when one dies a read is answered by the other at once (retried there), not with a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayReplicasTest {

    static final TestTokens TOKENS = TestTokens.create();
    static final TestBackend OTHERS = TestBackend.start("others");
    static final TestBackend GROUPS_1 = TestBackend.start("groups-1");
    static final TestBackend GROUPS_2 = TestBackend.start("groups-2");

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        OTHERS.routeEveryServiceBut("WS2_GROUPS_URI", () -> GROUPS_1.uri() + "," + GROUPS_2.uri(), registry);
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
    @Order(1)
    void spreadsRequestsOverEveryInstance() {
        Set<String> seen = new HashSet<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            seen.add(backend("/api/groups"));
            return seen.equals(Set.of("groups-1", "groups-2"));
        });
    }

    @Test
    @Order(2)
    void whenAnInstanceDiesReadsAreAnsweredByTheOtherWithoutA5xx() {
        GROUPS_2.close();
        // at once, before any health check noticed: a refused connection is retried on the other instance
        for (int i = 0; i < 20; i++) {
            assertThat(backend("/api/groups/ALAC")).isEqualTo("groups-1");
        }
    }

    @Test
    @Order(3)
    void writesGoOnlyToLiveInstancesOnceTheHealthCheckDroppedTheDeadOne() {
        String token = TOKENS.valid("sam", List.of("support-staff"), List.of());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (int i = 0; i < 6; i++) {
                client.post().uri("/api/groups").header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").bodyValue("{}")
                    .exchange().expectStatus().isOk().expectHeader().valueEquals("X-Backend", "groups-1");
            }
        });
    }

    private String backend(String path) {
        // patient: on a busy 2-core machine the first call also pays for lazy start-up work
        return client.mutate().responseTimeout(Duration.ofSeconds(20)).build().get().uri(path).exchange().expectStatus().isOk().returnResult(String.class)
            .getResponseHeaders().getFirst("X-Backend");
    }
}
