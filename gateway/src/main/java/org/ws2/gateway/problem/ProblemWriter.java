package org.ws2.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problems straight onto the response. The security handlers and the error handler
 * run outside any controller, so there is no message-writer negotiation to lean on; and one writer
 * keeps every gateway-made error in the same shape as the services' own problems. A person's browser
 * asking for a page gets the same refusal as a page to read instead ({@link ProblemPage}).
 */
@Component
@RequiredArgsConstructor
public class ProblemWriter {

    private final JsonMapper jsonMapper;
    private final ProblemPage page;

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String type, String title,
            String detail, String instance) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        boolean forPerson = page.wanted(exchange);
        byte[] body = forPerson ? page.render(status, detail)
                : jsonMapper.writeValueAsBytes(problem(status, type, title, detail, instance));

        response.setStatusCode(status);
        response.getHeaders().setContentType(forPerson ? ProblemPage.HTML : MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /** The problem's members, in RFC 9457 order, for callers that hand the body to a codec themselves. */
    public static Map<String, Object> problem(HttpStatusCode status, String type, String title, String detail,
            String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        return problem;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String type, String title,
            String detail) {
        return write(exchange, status, type, title, detail, exchange.getRequest().getPath().value());
    }
}
