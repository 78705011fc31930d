package org.ws2.gateway.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * At DEBUG, one line per request naming the route it took, with the request's trace id, so that a trace
 * can be followed from the gateway's log into the services' logs. Off (one level check) otherwise.
 */
@Component
public class RouteDecisionLog implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RouteDecisionLog.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!log.isDebugEnabled()) {
            return chain.filter(exchange);
        }
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return TraceInLog.log(() -> log.debug("{} {} routed to {} ({})", exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath(), route == null ? "no route" : route.getId(),
                        route == null ? "-" : route.getUri()))
                .then(Mono.defer(() -> chain.filter(exchange)));
    }
}
