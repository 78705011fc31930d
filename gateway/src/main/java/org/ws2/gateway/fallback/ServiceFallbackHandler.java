package org.ws2.gateway.fallback;

import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ws2.gateway.observability.TraceInLog;
import org.ws2.gateway.problem.ProblemPage;
import org.ws2.gateway.problem.ProblemTypes;
import org.ws2.gateway.problem.ProblemWriter;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponse;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

import reactor.core.publisher.Mono;

/**
 * Where each route's circuit breaker forwards when its service cannot answer: the client gets a
 * problem naming the service instead of a hang or an opaque 500. A timeout becomes a 504, not a 503,
 * because the service may have acted on the request: the client must check before repeating a write.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceFallbackHandler {

    /** Path segment used in each route's {@code fallbackUri} → the service's name in problems. */
    static final Map<String, String> SERVICES = Map.of(
            "recommendations", "recommendations-service",
            "groups", "groups-service",
            "reporting", "reporting-service",
            "notifications", "notifications-service",
            "web", "web module (the tracker's pages)");

    /** Matches the breakers' wait in the open state: retrying sooner only meets the fallback again. */
    private static final String RETRY_AFTER_SECONDS = "2";

    private static final Logger log = LoggerFactory.getLogger(ServiceFallbackHandler.class);

    @Bean
    RouterFunction<ServerResponse> serviceFallbackRoutes(ProblemPage page) {
        return RouterFunctions.route(RequestPredicates.path("/fallback/{service}"), request -> fallback(request, page));
    }

    static Mono<ServerResponse> fallback(ServerRequest request, ProblemPage page) {
        ServerWebExchange exchange = request.exchange();
        String instance = originalPath(exchange);
        String service = SERVICES.get(request.pathVariable("service"));
        if (service == null) {
            return problem(page, exchange, HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not Found", "No such service.",
                    instance);
        }
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (isTimeout(cause)) {
            return TraceInLog.log(() -> log.warn("{} did not answer {} {} in time: {}", service, request.method(),
                    instance, cause.toString())).then(problem(page, exchange, HttpStatus.GATEWAY_TIMEOUT, ProblemTypes.GATEWAY_TIMEOUT, "Gateway Timeout",
                    "The " + service + " did not answer in time; the request may or may not have been applied.",
                    instance));
        }
        // An open breaker refuses every request: logging each at WARN would flood the log during an outage.
        Mono<Void> logged = cause instanceof CallNotPermittedException
                ? TraceInLog.log(() -> log.debug("{} circuit open, refused {} {}", service, request.method(), instance))
                : TraceInLog.log(() -> log.warn("{} unavailable for {} {}: {}", service, request.method(), instance,
                        String.valueOf(cause)));
        return logged.then(problem(page, exchange, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                "Service Unavailable", "The " + service + " is not available right now; try again shortly.", instance,
                RETRY_AFTER_SECONDS));
    }

    private static Mono<ServerResponse> problem(ProblemPage page, ServerWebExchange exchange, HttpStatus status,
            String type, String title, String detail, String instance) {
        return problem(page, exchange, status, type, title, detail, instance, null);
    }

    /** The problem, or for a person's browser the same refusal as a page to read (ProblemPage). */
    private static Mono<ServerResponse> problem(ProblemPage page, ServerWebExchange exchange, HttpStatus status,
            String type, String title, String detail, String instance, String retryAfter) {
        ServerResponse.BodyBuilder response = ServerResponse.status(status);
        if (retryAfter != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        }
        return page.wanted(exchange)
                ? response.contentType(ProblemPage.HTML).bodyValue(page.render(status, detail))
                : response.contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyValue(ProblemWriter.problem(status, type, title, detail, instance));
    }

    private static boolean isTimeout(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            // The HTTP client's response timeout arrives as a 504 ResponseStatusException without the cause.
            if (c instanceof TimeoutException
                    || (c instanceof ErrorResponse error && error.getStatusCode().value() == 504)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The breaker forwards with the request rewritten to {@code /fallback/...}; the problem's instance
     * must name what the client asked for, which is still the path of the exchange it decorated.
     */
    private static String originalPath(ServerWebExchange exchange) {
        ServerWebExchange current = exchange;
        while (current instanceof ServerWebExchangeDecorator decorator
                && current.getRequest().getPath().value().startsWith("/fallback/")) {
            current = decorator.getDelegate();
        }
        return current.getRequest().getPath().value();
    }
}
