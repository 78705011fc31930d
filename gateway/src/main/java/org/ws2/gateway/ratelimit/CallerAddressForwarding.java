package org.ws2.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells whatever a request is routed to who sent it: {@code X-Forwarded-For} with the one address this gateway
 * counts as the caller. The web module needs it most: it renders a page by calling /api here for the visitor
 * and passes this address back (plus its own hop), so the page's API calls draw on the visitor's allowance
 * rather than on the web module's own address, which every anonymous visitor would otherwise share. The
 * reporting service counts event-stream subscribers by the same address.
 *
 * <p>Only the address the gateway resolved goes along, never the chain the client sent: a caller who reaches
 * the gateway directly cannot name someone else (TrustedProxies believes a chain from trusted proxies only).
 */
final class CallerAddressForwarding implements HttpHeadersFilter, Ordered {

    private final TrustedProxies trustedProxies;

    CallerAddressForwarding(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /**
     * After Spring Cloud Gateway's own header filters (order 0), which drop every {@code X-Forwarded-*} header
     * the client sent, since the gateway trusts no proxies for them.
     */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders forwarded = new HttpHeaders();
        forwarded.addAll(input);
        forwarded.set("X-Forwarded-For", trustedProxies.clientAddress(exchange));
        return forwarded;
    }
}
