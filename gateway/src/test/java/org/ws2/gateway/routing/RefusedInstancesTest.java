package org.ws2.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;

class RefusedInstancesTest {

    static final ServiceInstance FIRST = new DefaultServiceInstance("groups-1", "groups-service", "127.0.0.1", 8082, false);
    static final ServiceInstance SECOND = new DefaultServiceInstance("groups-2", "groups-service", "127.0.0.1", 8092, false);
    static final List<ServiceInstance> BOTH = List.of(FIRST, SECOND);

    final AtomicLong now = new AtomicLong(1_000);
    final RefusedInstances refused = new RefusedInstances(Duration.ofSeconds(5), now::get);

    @Test
    void anInstanceThatRefusedIsLeftOutUntilTheNextHealthCheckCouldSeeIt() {
        refused.refused("127.0.0.1", 8092);

        assertThat(refused.without(BOTH)).containsExactly(FIRST);
        now.addAndGet(Duration.ofMillis(4_999).toNanos());
        assertThat(refused.without(BOTH)).containsExactly(FIRST);
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(refused.without(BOTH)).containsExactly(FIRST, SECOND);
    }

    @Test
    void whenEveryInstanceRefusedAllStayInTheChoice() {
        refused.refused("127.0.0.1", 8082);
        refused.refused("127.0.0.1", 8092);

        assertThat(refused.without(BOTH)).containsExactly(FIRST, SECOND);
    }

    @Test
    void aRequestWhoseConnectionWasRefusedMarksTheInstanceItWasSentTo() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/groups/ALAC"));
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR,
                URI.create("http://127.0.0.1:8092/api/groups/ALAC"));
        GatewayFilterChain refusing = e -> Mono.error(new AnnotatedConnectException("Connection refused: /127.0.0.1:8092"));

        refused.filter(exchange, refusing).onErrorResume(ConnectException.class, e -> Mono.empty()).block();

        assertThat(refused.without(BOTH)).containsExactly(FIRST);
    }

    @Test
    void otherFailuresMarkNothing() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/groups"));
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR,
                URI.create("http://127.0.0.1:8092/api/groups"));
        GatewayFilterChain reset = e -> Mono.error(new java.io.IOException("Connection reset by peer"));

        refused.filter(exchange, reset).onErrorResume(java.io.IOException.class, e -> Mono.empty()).block();

        assertThat(refused.without(BOTH)).containsExactly(FIRST, SECOND);
    }

    /** What reactor-netty reports for a refused connection: a ConnectException subclass. */
    static final class AnnotatedConnectException extends ConnectException {
        AnnotatedConnectException(String message) {
            super(message);
        }
    }
}
