package org.ws2.gateway.body;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.ws2.gateway.problem.ProblemTypes;
import org.ws2.gateway.problem.ProblemWriter;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Bounds every request body by the bytes that actually arrive, chunked or not, before anything
 * buffers it. It runs ahead of Spring Cloud Gateway's body caching (which a circuit breaker with a
 * {@code fallbackUri} switches on for its route):
 * <ul>
 * <li>a declared {@code Content-Length} over the limit is a 413 problem at once, nothing read;</li>
 * <li>otherwise the body is counted as it streams, and the first byte over the limit ends the request
 * with a 413 problem, so the cache never holds more than the limit;</li>
 * <li>a GET or HEAD carries no body (400 problem if it tries), and nothing is cached for it: a marker
 * tells the caching filter there is nothing to buffer.</li>
 * </ul>
 * Security runs earlier, as a WebFilter, so no body of an unauthenticated write is read at all. The
 * per-request cost is a header look-up and, for bodies, one counter per buffer.
 */
@Component
public class RequestBodyLimit implements GlobalFilter, Ordered {

    /** Before AdaptCachedBodyGlobalFilter (Integer.MIN_VALUE + 1000), which caches the body. */
    public static final int ORDER = Integer.MIN_VALUE + 500;

    private final long maxBytes;
    private final long maxUploadBytes;
    private final ProblemWriter problems;

    public RequestBodyLimit(@Value("${ws2.gateway.max-body-size:1MB}") DataSize maxBodySize,
            @Value("${ws2.gateway.max-upload-size:11MB}") DataSize maxUploadSize, ProblemWriter problems) {
        this.maxBytes = maxBodySize.toBytes();
        this.maxUploadBytes = maxUploadSize.toBytes();
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long limit = limitFor(request);
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return tooLarge(exchange, limit);
        }
        if (isRead(request.getMethod())) {
            if (declared > 0 || request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
                return problems.write(exchange, HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, "Bad Request",
                        "A " + request.getMethod() + " request carries no body.");
            }
            // Nothing to read: tell the caching filter the body is taken care of, so it buffers nothing.
            exchange.getAttributes().put(ServerWebExchangeUtils.CACHED_REQUEST_BODY_ATTR,
                    DefaultDataBufferFactory.sharedInstance.allocateBuffer(0));
            return chain.filter(exchange);
        }
        if (declared == 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                long[] seen = { 0 };
                return super.getBody().handle((buffer, sink) -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE,
                                "The request body is larger than " + limit + " bytes."));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
            .onErrorResume(BodyTooLarge::is, error -> tooLarge(exchange, limit));
    }

    private long limitFor(ServerHttpRequest request) {
        MediaType type = request.getHeaders().getContentType();
        return type != null && MediaType.MULTIPART_FORM_DATA.includes(type) ? maxUploadBytes : maxBytes;
    }

    private static boolean isRead(HttpMethod method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return problems.write(exchange, HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.BODY_TOO_LARGE,
                "Request body too large", "The request body is larger than the " + limit + " bytes accepted.");
    }

    private static final class BodyTooLarge {
        static boolean is(Throwable error) {
            for (Throwable cause = error; cause != null; cause = cause.getCause()) {
                if (cause instanceof ResponseStatusException status
                        && status.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                    return true;
                }
            }
            return false;
        }
    }
}
