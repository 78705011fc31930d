package org.ws2.systemtests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A client of one stack's gateway, as a person's client would call it: JSON in and out, an optional bearer token.
 * A request the gateway does not answer fails the test.
 */
public final class GatewayClient {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final SystemStack stack;
    private final URI gateway;
    private final Duration answerTimeout;

    public GatewayClient(SystemStack stack) {
        this(stack, Duration.ofSeconds(10));
    }

    private GatewayClient(SystemStack stack, Duration answerTimeout) {
        this.stack = stack;
        this.gateway = stack.gatewayUrl();
        this.answerTimeout = answerTimeout;
    }

    /** The same client, waiting up to {@code answerTimeout} for each answer. */
    public GatewayClient waitingUpTo(Duration answerTimeout) {
        return new GatewayClient(stack, answerTimeout);
    }

    public URI url(String path) {
        return gateway.resolve(path);
    }

    /** A bearer token of the local identity provider for this role (and groups). */
    public String token(String role, String... groups) {
        return stack.token(role, groups);
    }

    /** The same for a named person, whose changes record {@code subject} as their author. */
    public String tokenFor(String subject, String role, String... groups) {
        return stack.token(subject, role, List.of(groups));
    }

    public HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    /** A POST; a transition is made from the version just read (optimistic concurrency: If-Match its ETag). */
    public HttpResponse<String> post(String path, String token, String json) {
        HttpRequest.Builder request = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (path.endsWith("/transitions")) {
            get(path.replace("/transitions", ""), null).headers().firstValue("ETag")
                    .ifPresent(etag -> request.header("If-Match", etag));
        }
        return send(request);
    }

    /** A GET whose answer is kept as bytes (a PDF), asking for {@code accept}. */
    public HttpResponse<byte[]> getBytes(String path, String token, String accept) {
        return send(HTTP, request(path, token).setHeader("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> put(String path, String token, String json, String ifMatch) {
        return send(request(path, token).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The ETag an anonymous reader gets for this resource. */
    public String etag(String path) {
        return get(path, null).headers().firstValue("ETag").orElseThrow();
    }

    public HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(answerTimeout)
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    /** Any request, also to another address of the stack (an instance's metrics, the SMTP catcher). */
    public static HttpResponse<String> send(HttpRequest request) {
        return send(HTTP, request, HttpResponse.BodyHandlers.ofString());
    }

    /** A request by {@code client}, whose body is read by {@code body}; no answer fails the test. */
    static <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request, body);
        } catch (IOException e) {
            throw new AssertionError("No answer from " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
