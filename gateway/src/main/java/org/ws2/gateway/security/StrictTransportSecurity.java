package org.ws2.gateway.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Tells browsers to come back over HTTPS only (RFC 6797) when the gateway stands behind a TLS-terminating proxy.
 * That proxy's hop to the gateway is plain HTTP, so Spring Security's HSTS writer, which writes only on HTTPS
 * requests, would never send it. Browsers ignore the header on a plain-HTTP answer, so sending it on every answer
 * is safe; unset (the local stack, over plain HTTP) sends nothing.
 */
@Component
class StrictTransportSecurity implements WebFilter, Ordered {

    static final String HEADER = "Strict-Transport-Security";

    private final String value;

    StrictTransportSecurity(@Value("${ws2.strict-transport-security:}") String value) {
        this.value = value.strip();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!value.isEmpty()) {
            // set when the answer is committed: a proxied service's own headers are copied in before that
            exchange.getResponse().beforeCommit(() -> {
                exchange.getResponse().getHeaders().set(HEADER, value);
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // before Spring Security's filter chain, so that its own 401 and 403 answers carry it too
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
