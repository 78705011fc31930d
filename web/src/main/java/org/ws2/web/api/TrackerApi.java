package org.ws2.web.api;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import org.ws2.web.WebProperties;
import org.ws2.web.signin.SignedInUser;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages' only way to the data: the gateway's public JSON API, with the signed-in person's token
 * when there is one. Answers come back as plain maps and lists, which the templates read directly.
 */
@Component
public class TrackerApi {

    private static final TypeReference<Object> ANY = new TypeReference<>() {
    };

    private final RestClient http;
    private final String base;
    private final JsonMapper json = JsonMapper.builder().build();

    TrackerApi(WebProperties properties) {
        this.base = properties.gatewayUri().replaceAll("/+$", "");
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        factory.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    /** A path with its variables encoded, e.g. {@code path("/api/groups/{id}", "GNSO Council")}. */
    public static String path(String template, Object... variables) {
        return UriComponentsBuilder.fromPath(template).buildAndExpand(variables).encode().toUriString();
    }

    /** A path with the non-blank query parameters of {@code query}, encoded. */
    public static String path(String path, Map<String, ?> query) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        query.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                builder.queryParam(name, value.toString());
            }
        });
        return builder.build().encode().toUriString();
    }

    /** A read the page cannot do without: any error becomes an {@link ApiException}. */
    public Map<String, Object> get(String path, SignedInUser user) {
        Outcome outcome = exchange(HttpMethod.GET, path, null, null, user);
        if (!outcome.ok()) {
            throw new ApiException(outcome.problem());
        }
        return outcome.body();
    }

    /** A read the page can do without (the endpoint may not exist yet, or the service may be down). */
    public Optional<Outcome> tryGet(String path, SignedInUser user) {
        try {
            Outcome outcome = exchange(HttpMethod.GET, path, null, null, user);
            return outcome.ok() ? Optional.of(outcome) : Optional.empty();
        } catch (RuntimeException unreachable) {
            return Optional.empty();
        }
    }

    /** A list answer ({@code GET} of a JSON array). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> getList(String path, SignedInUser user) {
        Outcome outcome = exchange(HttpMethod.GET, path, null, null, user);
        if (!outcome.ok()) {
            throw new ApiException(outcome.problem());
        }
        return (List<Map<String, Object>>) outcome.raw();
    }

    /** A change; {@code version} goes out as {@code If-Match}, so a stale form is refused (412), never applied. */
    public Outcome send(HttpMethod method, String path, Object body, Object version, SignedInUser user) {
        return exchange(method, path, body, version, user);
    }

    private Outcome exchange(HttpMethod method, String path, Object body, Object version, SignedInUser user) {
        RestClient.RequestBodySpec request = http.method(method).uri(URI.create(base + path))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
        if (user != null) {
            request.header("Authorization", "Bearer " + user.token());
        }
        forwardFor(request);
        if (version != null && !version.toString().isBlank()) {
            request.header("If-Match", "\"" + version + "\"");
        }
        if (body instanceof FormFields form) {
            // an HTML form's post, for the endpoints that take one as mail clients send it (RFC 8058 one-click)
            request.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form.encoded());
        } else if (body instanceof MultiValueMap<?, ?> parts) {
            // a document upload, passed on as the multipart request the API takes
            request.contentType(MediaType.MULTIPART_FORM_DATA).body(parts);
        } else if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsString(body));
        }
        return request.exchange((req, response) -> {
            byte[] bytes = response.getBody().readAllBytes();
            HttpStatusCode status = response.getStatusCode();
            String etag = response.getHeaders().getETag();
            if (status.is2xxSuccessful()) {
                Object parsed = bytes.length == 0 ? Map.of() : json.readValue(bytes, ANY);
                return new Outcome(status.value(), parsed, etag, null);
            }
            return new Outcome(status.value(), null, etag,
                    problem(status.value(), bytes, response.getHeaders().getFirst("Retry-After")));
        }, true);
    }

    /**
     * Says whom the page is for, as a proxy does: the gateway's rate limits count the visitor (the
     * right-most address that is not a trusted proxy), not this module, which calls for every visitor.
     */
    static void forwardFor(RestClient.RequestHeadersSpec<?> request) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest visitor = attributes.getRequest();
            String chain = visitor.getHeader("X-Forwarded-For");
            String hop = visitor.getRemoteAddr();
            request.header("X-Forwarded-For", chain == null || chain.isBlank() ? hop : chain + ", " + hop);
        }
    }

    private Problem problem(int status, byte[] bytes, String retryAfter) {
        try {
            JsonNode node = json.readTree(bytes);
            return new Problem(status, text(node, "type"), text(node, "title"), text(node, "detail"), text(node, "field"),
                    retryAfter);
        } catch (RuntimeException notJson) {
            return new Problem(status, null, "HTTP " + status, null, null, retryAfter);
        }
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** A body sent as {@code application/x-www-form-urlencoded}, already encoded ({@code List-Unsubscribe=One-Click}). */
    public record FormFields(String encoded) {
    }

    /** What the API answered: the parsed body on success, else the problem. */
    public record Outcome(int status, Object raw, String etag, Problem problem) {

        public boolean ok() {
            return problem == null;
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> body() {
            return raw instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>(Map.of("items", raw));
        }
    }
}
