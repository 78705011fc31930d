package org.ws2.service.problem;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a NUL character ({@code %00}) anywhere in the path or the query string before any
 * controller sees it, with a 400 problem naming the parameter (or {@code path}). It looks at the raw
 * request line only, so it never reads a body and costs one scan of a short string.
 */
public class InputRulesFilter extends OncePerRequestFilter {

    private final JsonMapper jsonMapper;

    public InputRulesFilter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String field = null;
        if (hasNul(request.getRequestURI())) {
            field = "path";
        } else if (hasNul(request.getQueryString())) {
            field = offendingParameter(request.getQueryString());
        }
        if (field == null) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ApiProblem.problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "'" + field + "' contains a NUL character (%00).");
        problem.setProperty("field", field);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }

    private static boolean hasNul(String raw) {
        if (raw == null) {
            return false;
        }
        if (raw.indexOf('\u0000') >= 0) {
            return true;
        }
        for (int i = raw.indexOf('%'); i >= 0 && i + 2 < raw.length(); i = raw.indexOf('%', i + 1)) {
            if (raw.charAt(i + 1) == '0' && raw.charAt(i + 2) == '0') {
                return true;
            }
        }
        return false;
    }

    private static String offendingParameter(String query) {
        for (String pair : query.split("&")) {
            if (hasNul(pair)) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                try {
                    name = URLDecoder.decode(name, StandardCharsets.UTF_8).replace("\u0000", "");
                } catch (IllegalArgumentException e) {
                    // a malformed escape in the name: show it as written
                }
                return name.isEmpty() ? "query" : name;
            }
        }
        return "query";
    }
}
