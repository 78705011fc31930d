package org.ws2.gateway.routing;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.BackoffConfig;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The {@code RetryFailed} route filter: Spring Cloud Gateway's {@code Retry}, with the same arguments (retries,
 * methods, series, statuses, exceptions, backoff; no jitter or timeout), that costs a plain call until an attempt has
 * failed.
 * <p>
 * {@code Retry} builds its retry and repeat machinery (companion publishers, for each of a route's two retry filters,
 * whatever the method) on every request before the first attempt, a cost every proxied read paid though almost none
 * fails (docs/performance.md, "Gateway cost per request"). Here a method the filter does not retry passes
 * straight through, and otherwise the first attempt's outcome is looked at only when it ends.
 * <p>
 * An attempt is made again, on the load balancer's next choice, when it failed with one of the exceptions (or one
 * caused by it) or answered one of the statuses or series, up to {@code retries} times, waiting
 * {@code firstBackoff × factor^(n-1)} (at most {@code maxBackoff}) before the n-th. The last attempt's answer or
 * error is the request's. Each retry filter counts its own attempts: {@code Retry} counted every retry filter's in
 * one exchange attribute, so a read behind two of them got one retry of its two.
 */
@Component
public class RetryFailedGatewayFilterFactory extends AbstractGatewayFilterFactory<RetryConfig> {

    public RetryFailedGatewayFilterFactory() {
        super(RetryConfig.class);
    }

    @Override
    public GatewayFilter apply(RetryConfig config) {
        config.validate();
        // a write sent again needs its body again
        enableBodyCaching(config.getRouteId());
        return new RetryFailed(config);
    }

    static final class RetryFailed implements GatewayFilter {

        private final int retries;
        private final Set<HttpMethod> methods;
        private final List<HttpStatus> statuses;
        private final Set<HttpStatus.Series> series;
        private final List<Class<? extends Throwable>> exceptions;
        private final BackoffConfig backoff;
        private final boolean retriesAnswers;

        RetryFailed(RetryConfig config) {
            this.retries = config.getRetries();
            this.methods = Set.copyOf(config.getMethods());
            this.statuses = List.copyOf(config.getStatuses());
            this.series = config.getSeries().isEmpty() ? Set.of() : EnumSet.copyOf(config.getSeries());
            this.exceptions = List.copyOf(config.getExceptions());
            this.backoff = config.getBackoff();
            this.retriesAnswers = !statuses.isEmpty() || !series.isEmpty();
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            if (!methods.contains(exchange.getRequest().getMethod())) {
                return chain.filter(exchange);
            }
            return attempt(exchange, chain, 0);
        }

        /** The attempt after {@code retried} retries; its failure is looked at only if another may follow. */
        private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, int retried) {
            Mono<Void> attempt = chain.filter(exchange);
            if (retried >= retries) {
                return attempt;
            }
            if (!retriesAnswers) {
                return attempt.onErrorResume(this::retryableError, error -> again(exchange, chain, retried + 1));
            }
            // an answer is judged after the attempt, an error instead of it: each decides once, never on a later attempt
            return attempt.then(Mono.fromSupplier(() -> retryableAnswer(exchange.getResponse().getStatusCode())))
                    .onErrorResume(this::retryableError, error -> Mono.just(Boolean.TRUE))
                    .flatMap(retry -> retry ? again(exchange, chain, retried + 1) : Mono.empty());
        }

        private Mono<Void> again(ServerWebExchange exchange, GatewayFilterChain chain, int retry) {
            // lets go of the failed attempt's connection and answer, and lets the request be routed again
            ServerWebExchangeUtils.reset(exchange);
            Mono<Void> next = Mono.defer(() -> attempt(exchange, chain, retry));
            Duration wait = backoff(retry);
            return wait.isZero() ? next : Mono.delay(wait).then(next);
        }

        private boolean retryableAnswer(HttpStatusCode status) {
            if (status == null) {
                return false;
            }
            if (statuses.contains(status)) {
                return true;
            }
            return status instanceof HttpStatus known && series.contains(known.series());
        }

        private boolean retryableError(Throwable error) {
            for (Class<? extends Throwable> type : exceptions) {
                if (type.isInstance(error) || type.isInstance(error.getCause())) {
                    return true;
                }
            }
            return false;
        }

        /** As Reactor's exponential backoff, which {@code Retry} uses: first × factor^(retry-1), at most max. */
        private Duration backoff(int retry) {
            if (backoff == null) {
                return Duration.ZERO;
            }
            Duration wait;
            try {
                wait = backoff.getFirstBackoff().multipliedBy((long) Math.pow(backoff.getFactor(), retry - 1));
            }
            catch (ArithmeticException overflow) {
                wait = backoff.getMaxBackoff() != null ? backoff.getMaxBackoff() : backoff.getFirstBackoff();
            }
            Duration max = backoff.getMaxBackoff();
            return max != null && wait.compareTo(max) > 0 ? max : wait;
        }
    }
}
