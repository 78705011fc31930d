package org.ws2.gateway.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.ws2.gateway.body.RequestBodyLimit;
import org.ws2.gateway.problem.ProblemTypes;
import org.ws2.gateway.observability.TraceInLog;
import org.ws2.gateway.problem.ProblemPage;
import org.ws2.gateway.problem.ProblemWriter;

import reactor.core.publisher.Mono;

/**
 * Refuses a caller who asks for more than their allowance with a 429 problem, {@code Retry-After} and the
 * {@code RateLimit} headers, before the request's body is read or any service is called. Every answer it
 * lets through says what is left ({@code RateLimit-Policy}, {@code RateLimit}), so well-behaved clients can
 * pace themselves. When the shared store does not answer in time the request is let through, counted as
 * {@code outcome=unchecked}: an outage of the counter must not become an outage of the API.
 */
public class CallerRateLimit implements GlobalFilter, Ordered {

    /** Before the body limit, which may already start reading a body. */
    public static final int ORDER = RequestBodyLimit.ORDER - 100;

    private static final Logger log = LoggerFactory.getLogger(CallerRateLimit.class);

    /** The pages' own files: a page load fetches a few, and they cost next to nothing, so they are reads. */
    private static final Pattern STATIC_FILES = Pattern.compile("/(assets|webjars)/|/favicon\\.ico$");

    private final CallerBuckets buckets;
    private final boolean enabled;
    private final Allowance reads;
    private final Allowance writes;
    private final Allowance pages;
    private final TrustedProxies trustedProxies;
    private final ProblemWriter problems;
    private final MeterRegistry meters;

    CallerRateLimit(CallerBuckets buckets, RateLimitProperties properties, TrustedProxies trustedProxies,
            ProblemWriter problems, MeterRegistry meters) {
        this.buckets = buckets;
        this.enabled = properties.enabled();
        this.reads = new Allowance("reads", properties.readsPerMinute());
        this.writes = new Allowance("writes", properties.writesPerMinute());
        this.pages = new Allowance("pages", properties.pagesPerMinute());
        this.trustedProxies = trustedProxies;
        this.problems = problems;
        this.meters = meters;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!enabled) {
            return chain.filter(exchange);
        }
        Allowance allowance = allowance(exchange);
        return caller(exchange).flatMap(caller -> buckets.take(caller.key(), allowance)
                .map(probe -> new Decision(caller, probe))
                .onErrorResume(failure -> TraceInLog.log(() -> log.warn(
                        "Rate limit not checked for {} ({}): the counter store did not answer: {}",
                        caller.kind(), allowance.name(), failure.toString()))
                    .thenReturn(new Decision(caller, null))))
                .flatMap(decision -> decide(exchange, chain, allowance, decision));
    }

    private Mono<Void> decide(ServerWebExchange exchange, GatewayFilterChain chain, Allowance allowance,
            Decision decision) {
        ConsumptionProbe probe = decision.probe();
        if (probe == null) {
            count(allowance, decision.caller(), "unchecked");
            return chain.filter(exchange);
        }
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("RateLimit-Policy", allowance.policyHeader());
        if (probe.isConsumed()) {
            long untilFull = seconds(probe.getNanosToWaitForReset());
            headers.set("RateLimit", "\"" + allowance.name() + "\";r=" + probe.getRemainingTokens() + ";t=" + untilFull);
            return chain.filter(exchange);
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        headers.set("RateLimit", "\"" + allowance.name() + "\";r=0;t=" + retryAfter);
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        count(allowance, decision.caller(), "refused");
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Too Many Requests",
                "More than " + allowance.perMinute() + " " + allowance.name() + " a minute from this "
                        + decision.caller().kind() + "; try again in " + retryAfter + " s.");
    }

    private void count(Allowance allowance, Caller caller, String outcome) {
        meters.counter("ws2.gateway.rate_limit", "allowance", allowance.name(), "caller", caller.kind(),
                "outcome", outcome).increment();
    }

    /** A signed-in person by their token's subject; anyone else by their address. */
    private Mono<Caller> caller(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> new Caller("person", "sub:" + principal.getName()))
                .switchIfEmpty(Mono.fromSupplier(() -> new Caller("address", "ip:" + trustedProxies.clientAddress(exchange))));
    }

    private Allowance allowance(ServerWebExchange exchange) {
        if (!isRead(exchange.getRequest().getMethod())) {
            return writes;
        }
        boolean page = ProblemPage.onPagesRoute(exchange)
                && !STATIC_FILES.matcher(exchange.getRequest().getPath().value()).lookingAt();
        return page ? pages : reads;
    }

    private static boolean isRead(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }

    private static long seconds(long nanos) {
        return (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }

    private record Caller(String kind, String key) {
    }

    private record Decision(Caller caller, ConsumptionProbe probe) {
    }
}
