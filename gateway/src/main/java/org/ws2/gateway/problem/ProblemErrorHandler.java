package org.ws2.gateway.problem;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ws2.gateway.observability.TraceInLog;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The last line for errors that reach no circuit-breaker fallback (no route, a bad request, a failure
 * before routing): every error the gateway itself produces is a problem document, and an unreachable
 * service is a 503 even where no breaker caught it. Replaces Boot's default JSON error handler.
 */
@Component
@Order(-2)
@RequiredArgsConstructor
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final ProblemWriter problems;

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        if (hasCause(ex, TimeoutException.class)) {
            return problems.write(exchange, HttpStatus.GATEWAY_TIMEOUT, ProblemTypes.GATEWAY_TIMEOUT,
                    "Gateway Timeout", "The service did not answer in time; the request may or may not have been applied.");
        }
        if (hasCause(ex, ConnectException.class) || hasCause(ex, UnknownHostException.class)
                || hasCause(ex, CallNotPermittedException.class)) {
            return TraceInLog.log(() -> log.warn("Service unavailable for {}: {}", exchange.getRequest().getPath(),
                    ex.toString())).then(problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE,
                    ProblemTypes.SERVICE_UNAVAILABLE, "Service Unavailable",
                    "The service for this path is not available right now; try again shortly."));
        }
        if (ex instanceof ErrorResponse errorResponse) {
            HttpStatusCode status = errorResponse.getStatusCode();
            Mono<Void> problem = problems.write(exchange, status, typeOf(status), reason(status),
                    detailOf(errorResponse, status));
            return status.is5xxServerError()
                    ? TraceInLog.log(() -> log.warn("{} for {}: {}", status, exchange.getRequest().getPath(), ex.toString()))
                        .then(problem)
                    : problem;
        }
        return TraceInLog.log(() -> log.error("Unexpected error for {} {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), ex)).then(problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemTypes.INTERNAL_ERROR, "Internal Server Error", "The gateway failed to handle this request."));
    }

    private static String typeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ProblemTypes.BAD_REQUEST;
            case 401 -> ProblemTypes.UNAUTHORIZED;
            case 403 -> ProblemTypes.FORBIDDEN;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 413 -> ProblemTypes.BODY_TOO_LARGE;
            case 414 -> ProblemTypes.URI_TOO_LONG;
            case 503 -> ProblemTypes.SERVICE_UNAVAILABLE;
            case 504 -> ProblemTypes.GATEWAY_TIMEOUT;
            // RFC 9457: "about:blank" means the status code says it all.
            default -> "about:blank";
        };
    }

    private static String reason(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "HTTP " + status.value();
    }

    private static String detailOf(ErrorResponse errorResponse, HttpStatusCode status) {
        if (status.value() == 404) {
            return "No API resource at this path.";
        }
        String detail = errorResponse.getBody().getDetail();
        // Server-side details can leak internals (host names, ports); clients get the reason only.
        return detail != null && status.is4xxClientError() ? detail : reason(status);
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable c = ex; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
