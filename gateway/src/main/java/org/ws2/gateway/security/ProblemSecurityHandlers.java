package org.ws2.gateway.security;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.ws2.gateway.problem.ProblemTypes;
import org.ws2.gateway.problem.ProblemWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Security's refusals in the API's error format. The {@code WWW-Authenticate} challenge follows
 * RFC 6750 so a client can tell "send a token" from "your token is invalid or expired".
 */
@Component
@RequiredArgsConstructor
public class ProblemSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemWriter problems;

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        HttpStatus status = HttpStatus.UNAUTHORIZED;
        String detail = "This request needs a valid bearer token.";
        String challenge = "Bearer";
        if (ex instanceof OAuth2AuthenticationException oauth2 && oauth2.getError() instanceof BearerTokenError error) {
            status = error.getHttpStatus();
            detail = "The bearer token was rejected: "
                    + (error.getDescription() != null ? error.getDescription() : error.getErrorCode());
            challenge = challenge(error);
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        String type = status == HttpStatus.UNAUTHORIZED ? ProblemTypes.UNAUTHORIZED : ProblemTypes.BAD_REQUEST;
        return problems.write(exchange, status, type, status.getReasonPhrase(), detail);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden",
                "This request is not allowed with the given credentials.");
    }

    private static String challenge(BearerTokenError error) {
        List<String> parameters = new ArrayList<>();
        parameters.add("error=\"" + error.getErrorCode() + "\"");
        if (error.getDescription() != null) {
            parameters.add("error_description=\"" + error.getDescription().replace("\"", "'") + "\"");
        }
        if (error.getUri() != null) {
            parameters.add("error_uri=\"" + error.getUri() + "\"");
        }
        return "Bearer " + String.join(", ", parameters);
    }
}
