package org.ws2.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.ws2.gateway.support.OneBackendGatewayTestBase;

/**
 * Bodies bounded by the bytes that really arrive (chunked too), no body for reads, a service's 503
 * problem passed on with its Retry-After.
 */
@TestPropertySource(properties = { "ws2.gateway.max-body-size=2KB", "ws2.gateway.max-upload-size=4KB" })
class GatewayHardeningTest extends OneBackendGatewayTestBase {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void forget() {
        BACKEND.forgetRequests();
    }

    /** The local stack is plain HTTP: no HSTS unless ws2.strict-transport-security says so (StrictTransportSecurityTest). */
    @Test
    void sendsNoStrictTransportSecurityUnlessConfigured() {
        client.get().uri("/api/recommendations/2.1").exchange()
            .expectStatus().isOk()
            .expectHeader().doesNotExist("Strict-Transport-Security");
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413ProblemAndNeverReachesTheService() throws Exception {
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofString(json(3000)));
        assertProblem(response, 413, "urn:ws2:problem:body-too-large");
        assertThat(BACKEND.lastRequest()).isNull();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413ProblemAndNeverReachesTheService() throws Exception {
        byte[] body = json(50_000).getBytes();
        // no length given: the client sends Transfer-Encoding: chunked, so only counting can tell
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        assertProblem(response, 413, "urn:ws2:problem:body-too-large");
        assertThat(BACKEND.lastRequest()).isNull();
    }

    @Test
    void aChunkedBodyWithinTheLimitIsForwardedIntact() throws Exception {
        String json = json(1500);
        HttpResponse<String> response = post(HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(json.getBytes())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(BACKEND.lastRequest().body()).isEqualTo(json);
    }

    @Test
    void anUnauthenticatedWriteIsRefusedBeforeItsBodyIsRead() throws Exception {
        byte[] body = json(50_000).getBytes();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(response, 401, "urn:ws2:problem:unauthenticated");
    }

    @Test
    void aReadWithABodyIs400Problem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/recommendations"))
                .method("GET", HttpRequest.BodyPublishers.ofString(json(100))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(response, 400, "urn:ws2:problem:bad-request");
        assertThat(BACKEND.lastRequest()).isNull();
    }

    @Test
    void aServicesOwn503ProblemIsPassedOnWithRetryAfter() {
        client.get().uri("/api/recommendations/2.1?answerStatus=503")
            .exchange()
            .expectStatus().isEqualTo(503)
            .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody().jsonPath("$.detail").isEqualTo("from any");
    }

    @Test
    void aUriLongerThanTheGatewayAcceptsIs414Problem() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                uri("/api/recommendations?q=" + "a".repeat(20_000))).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(response, 414, "urn:ws2:problem:uri-too-long");
        assertThat(BACKEND.lastRequest()).isNull();
    }

    @Test
    void aMalformedEscapeInThePathIs400Problem() throws Exception {
        for (String target : List.of("/api/recommendations/%zz", "/api/recommendations?q=%zz", "/api/recommendations/%")) {
            String response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(response).as(target).startsWith("HTTP/1.1 400");
            assertThat(response.toLowerCase()).as(target).contains("content-type: application/problem+json");
        }
    }

    /** Sends bytes no well-behaved client would, and returns the whole answer. */
    private String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private HttpResponse<String> post(HttpRequest.BodyPublisher body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri("/api/subscriptions"))
                .header("Authorization", "Bearer " + TOKENS.valid("alice", List.of("admin"), List.of()))
                .header("Content-Type", "application/json")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String json(int size) {
        return "{\"note\":\"" + "x".repeat(size) + "\"}";
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        assertThat(response.body()).contains(type);
    }
}
