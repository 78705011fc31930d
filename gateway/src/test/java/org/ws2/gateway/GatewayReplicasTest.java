package org.ws2.gateway;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ws2.gateway.support.GatewayTestBase;
import org.ws2.gateway.support.TwoGroupsInstances;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the groups service behind one route: the gateway spreads requests over both,
 * and when one dies a read is answered by the other at once (retried there), not with a 5xx.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayReplicasTest extends GatewayTestBase {

    @RegisterExtension
    static final TwoGroupsInstances GROUPS = new TwoGroupsInstances();

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        GROUPS.routeTheGateway(registry);
    }

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
    void aWriteTheServiceAnsweredIsNeverRepeated() {
        GROUPS.first().forgetRequests();
        GROUPS.second().forgetRequests();
        for (int i = 0; i < 4; i++) {
            write("/api/groups?answerStatus=500").expectStatus().isEqualTo(500);
        }
        assertThat(GROUPS.first().requestsRouted() + GROUPS.second().requestsRouted()).isEqualTo(4);
    }

    @Test
    @Order(3)
    void whenAnInstanceDiesReadsAndWritesAreAnsweredByTheOtherWithoutA5xx() {
        GROUPS.second().close();
        // at once, before any health check noticed: a refused connection was never a request, so reads
        // and writes alike go to the other instance
        for (int i = 0; i < 20; i++) {
            assertThat(backend("/api/groups/ALAC")).isEqualTo("groups-1");
            write("/api/groups").expectStatus().isOk().expectHeader().valueEquals("X-Backend", "groups-1");
            assertThat(GROUPS.first().lastRequest().body()).isEqualTo("{\"name\":\"a body the retry must send again\"}");
        }
    }

    private WebTestClient.ResponseSpec write(String path) {
        String token = TOKENS.valid("sam", List.of("support-staff"), List.of());
        return client.post().uri(path)
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .bodyValue("{\"name\":\"a body the retry must send again\"}").exchange();
    }

    private String backend(String path) {
        return client.get().uri(path).exchange().expectStatus().isOk().returnResult(String.class)
            .getResponseHeaders().getFirst("X-Backend");
    }
}
