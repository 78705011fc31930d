package org.ws2.service.problem;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
 * Refuses, before any controller sees it, a NUL character ({@code %00}) anywhere in the path or the
 * query string, and a query string that is not valid percent-encoded UTF-8 (a malformed escape such as
 * {@code %G1}, or bytes such as {@code %FF%FE}): each is a 400 problem naming the parameter (or
 * {@code path}). The container would otherwise throw on the first {@code getParameter}, wherever that
 * happens, and the client's mistake would be a 500 logged at ERROR. It looks at the raw request line
 * only, so it never reads a body and costs one scan of a short string.
 */
public class InputRulesFilter extends OncePerRequestFilter {

    private final JsonMapper jsonMapper;

    public InputRulesFilter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Rejection rejection = hasNul(request.getRequestURI())
                ? new Rejection("path", "'path' contains a NUL character (%00).")
                : checkQuery(request.getQueryString());
        if (rejection == null) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ApiProblem.problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                rejection.detail());
        problem.setProperty("field", rejection.field());
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }

    /** Why a query parameter is refused, or null when every one can be decoded. */
    private static Rejection checkQuery(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = decode(rawName);
            String field = name == null ? rawName : name.replace("\u0000", "");
            field = field.isEmpty() ? "query" : field;
            if (hasNul(pair)) {
                return new Rejection(field, "'" + field + "' contains a NUL character (%00).");
            }
            if (name == null || (equals >= 0 && decode(pair.substring(equals + 1)) == null)) {
                return new Rejection(field, "'" + field + "' is not valid percent-encoded UTF-8.");
            }
        }
        return null;
    }

    /**
     * {@code raw} percent-decoded as the container decodes a query string (UTF-8), or null when an
     * escape is malformed or the bytes are not UTF-8. Characters outside the escapes count as the
     * bytes that carried them (the container hands the request line over as ISO-8859-1).
     */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    return null;
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else if (c <= 0xFF) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
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

    private record Rejection(String field, String detail) {
    }
}
