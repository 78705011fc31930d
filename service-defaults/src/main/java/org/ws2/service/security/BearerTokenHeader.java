package org.ws2.service.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The bearer token of a request, read from its {@code Authorization} header without a regular expression when the
 * header is plainly {@code Bearer <token68>}; any other header goes to Spring Security's own resolver, which answers
 * it as always (no token, or a malformed one).
 * <p>
 * Why: Spring Security matches the whole header against a case-insensitive pattern, character by character, and a
 * token is 700 characters; what that costs a request depends on how the JIT compiled the pattern, and was a large
 * share of a service's CPU under writes in one profile (ADR 0040). What is read here is exactly what the pattern {@code ^Bearer
 * (?<token>[a-zA-Z0-9-._~+/]+=*)$} accepts when the scheme is spelt {@code Bearer}; tokens in query or form
 * parameters stay off, as with the default resolver.
 */
final class BearerTokenHeader implements BearerTokenResolver {

    private static final String PREFIX = "Bearer ";

    private final BearerTokenResolver standard = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.startsWith(PREFIX) && isToken68(authorization, PREFIX.length())) {
            return authorization.substring(PREFIX.length());
        }
        return standard.resolve(request);
    }

    /** RFC 6750's token68 from {@code start} to the end: one or more token characters, then any number of '='. */
    private static boolean isToken68(String value, int start) {
        int i = start;
        while (i < value.length() && isTokenCharacter(value.charAt(i))) {
            i++;
        }
        if (i == start) {
            return false;
        }
        while (i < value.length() && value.charAt(i) == '=') {
            i++;
        }
        return i == value.length();
    }

    private static boolean isTokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
