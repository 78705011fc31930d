package org.ws2.gateway.routing;

import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;

/**
 * Leaves the request's Reactor context unchanged, but keeps it at this point of the filter chain.
 * <p>
 * An operator asked for its context asks the subscriber after it, and so on down the chain to the nearest one that
 * holds a context of its own; Reactor Netty and the operators between the services' answer and the client ask on
 * every signal. Behind Spring Security's filters, the gateway's own and the breaker, retry and load balancer, each
 * walk was long (docs/performance.md, "Gateway cost per request"). A context written at the start of the route's
 * filters and again right before the call to the service ends each walk there.
 */
final class ReactorContextBarrier implements GlobalFilter, Ordered {

    private final int order;

    ReactorContextBarrier(int order) {
        this.order = order;
    }

    @Override
    public int getOrder() {
        return order;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).contextWrite(Function.identity());
    }
}
