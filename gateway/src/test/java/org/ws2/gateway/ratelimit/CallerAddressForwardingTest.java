package org.ws2.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * What the web module (and every service) is told about the caller: the one address the gateway itself counts
 * as the caller, never a chain the caller wrote.
 */
class CallerAddressForwardingTest {

    private final CallerAddressForwarding forwarding = new CallerAddressForwarding(
            new TrustedProxies(List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "10.0.0.0/8")));

    @Test
    void aVisitorWhoReachesTheGatewayDirectlyIsNamedByTheirOwnAddressWhateverTheyClaim() {
        MockServerWebExchange page = exchange("web", "203.0.113.5", "198.51.100.1, 10.9.9.9");

        assertThat(forwarded(page)).containsExactly("203.0.113.5");
    }

    @Test
    void aVisitorBehindATrustedIngressIsNamedByTheIngress() {
        MockServerWebExchange page = exchange("web", "10.1.2.3", "198.51.100.7");

        assertThat(forwarded(page)).containsExactly("198.51.100.7");
    }

    @Test
    void theServicesAreToldToo() {
        // the reporting service counts event-stream subscribers by this address
        MockServerWebExchange stream = exchange("event-stream", "203.0.113.5", "198.51.100.1");

        assertThat(forwarded(stream)).containsExactly("203.0.113.5");
    }

    private List<String> forwarded(MockServerWebExchange exchange) {
        // the gateway's own filter has already dropped every X-Forwarded-* header the client sent
        HttpHeaders stripped = new HttpHeaders();
        stripped.add(HttpHeaders.ACCEPT, "text/html");
        assertThat(forwarding.supports(HttpHeadersFilter.Type.REQUEST)).isTrue();
        return forwarding.filter(stripped, exchange).get("X-Forwarded-For");
    }

    private static MockServerWebExchange exchange(String routeId, String remote, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/recommendations")
            .remoteAddress(new InetSocketAddress(remote, 40000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR,
                Route.async().id(routeId).uri("http://127.0.0.1:1").predicate(e -> true).build());
        return exchange;
    }
}
