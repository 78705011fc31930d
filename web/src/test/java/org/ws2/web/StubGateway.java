package org.ws2.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.ws2.testsupport.TestTokens;

/**
 * A stand-in gateway on a local port for page tests: it answers each {@code "METHOD /path?query"} it was
 * given with a canned answer, or an answer worked out from the request (who asks, If-Match, the body), a
 * problem 404 for anything else, and records every request it gets.
 */
public final class StubGateway implements AutoCloseable {

    /** What the pages sent. {@link #toString()} is the form tests compare: target, signed in or not, If-Match, body. */
    public record Request(String method, String path, String query, boolean signedIn, String ifMatch, String body) {

        public String target() {
            return method + " " + path + (query == null ? "" : "?" + query);
        }

        @Override
        public String toString() {
            return target() + " auth=" + signedIn + " if-match=" + ifMatch + " " + body;
        }
    }

    /** A canned answer; {@code headers} go out as they are (a 429's Retry-After, say). */
    public record Answer(int status, String json, String etag, Map<String, String> headers) {

        public Answer(int status, String json, String etag) {
            this(status, json, etag, Map.of());
        }

        public static Answer ok(String json) {
            return new Answer(200, json, null);
        }

        public static Answer created(String json) {
            return new Answer(201, json, null);
        }

        public static Answer noContent() {
            return new Answer(204, "", null);
        }

        /** An RFC 9457 problem, naming {@code field} when not null, as the services write it. */
        public static Answer problem(int status, String field, String detail) {
            return new Answer(status, "{\"type\":\"urn:ws2:problem:invalid-input\",\"title\":\"Invalid input\",\"status\":"
                    + status + (field == null ? "" : ",\"field\":\"" + field + "\"") + ",\"detail\":\"" + detail + "\"}", null);
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Answer(status, json, etag, Map.copyOf(more));
        }
    }

    private static final Answer NOT_FOUND = new Answer(404, """
            {"type":"urn:ws2:problem:not-found","title":"Not Found","status":404,"detail":"Nothing here."}""", null);

    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Request, Answer>> answers = new ConcurrentHashMap<>();
    private volatile Function<Request, Answer> otherwise = request -> NOT_FOUND;
    private final HttpServer server;

    public StubGateway() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::answer);
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code "GET /api/groups"}: the path with its query as the page sends it, or the path for any query. */
    public StubGateway on(String call, Answer answer) {
        return on(call, request -> answer);
    }

    public StubGateway on(String call, String json) {
        return on(call, Answer.ok(json));
    }

    /** Answers {@code call} as {@code answer} works it out from the request. */
    public StubGateway on(String call, Function<Request, Answer> answer) {
        answers.put(call, answer);
        return this;
    }

    /** How to answer a request no {@link #on} names (by default: a problem 404). */
    public StubGateway otherwise(Function<Request, Answer> answer) {
        otherwise = answer;
        return this;
    }

    /** Forgets every answer and request: each test says what the API answers. */
    public StubGateway reset() {
        answers.clear();
        requests.clear();
        otherwise = request -> NOT_FOUND;
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Each request as {@link Request#toString()} writes it. */
    public List<String> calls() {
        return requests.stream().map(Request::toString).toList();
    }

    /** The calls that changed something (not GET). */
    public List<String> changes() {
        return requests.stream().filter(request -> !request.method().equals("GET")).map(Request::toString).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders().getFirst("Authorization") != null,
                exchange.getRequestHeaders().getFirst("If-Match"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(request);
        // an answer for the path alone stands for any query
        Answer answer = answers.getOrDefault(request.target(),
                answers.getOrDefault(request.method() + " " + request.path(), otherwise)).apply(request);
        byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.status() < 300 ? "application/json" : "application/problem+json");
        if (answer.etag() != null) {
            exchange.getResponseHeaders().add("ETag", answer.etag());
        }
        answer.headers().forEach(exchange.getResponseHeaders()::add);
        if (answer.status() == 204) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    /** A token with these claims; the pages read its claims only, the API (here a stand-in) would verify it. */
    public static String token(String subject, List<String> roles, List<String> groups) {
        return TestTokens.signed(new JWTClaimsSet.Builder()
                .subject(subject).issuer("https://issuer.example").claim("roles", roles).claim("groups", groups)
                .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
