package org.ws2.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.ws2.gateway.GatewayApplication;
import org.ws2.gateway.support.TestBackend;
import org.ws2.gateway.support.TestTokens;

import redis.embedded.RedisServer;

/**
 * Two gateway replicas sharing one real Redis hold a caller to one allowance between them, and a Redis
 * that goes away costs the API nothing but the counting.
 */
class RateLimitAcrossReplicasTest {

    static final TestTokens TOKENS = TestTokens.create();
    static final TestBackend BACKEND = TestBackend.start("any");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static RedisServer redis;
    static ConfigurableApplicationContext first;
    static ConfigurableApplicationContext second;

    @BeforeAll
    static void startRedisAndTwoGateways() throws IOException {
        int redisPort = freePort();
        redis = new RedisServer(redisPort);
        redis.start();
        first = gateway(redisPort);
        second = gateway(redisPort);
    }

    @AfterAll
    static void stopAll() throws IOException {
        for (ConfigurableApplicationContext gateway : new ConfigurableApplicationContext[] { first, second }) {
            if (gateway != null) {
                gateway.close();
            }
        }
        if (redis != null && redis.isActive()) {
            redis.stop();
        }
        BACKEND.close();
    }

    @Test
    void replicasSharingRedisHoldACallerToOneAllowanceAndLetThroughWhenItIsAway() throws Exception {
        String editor = TOKENS.valid("gac-editor", List.of("group-editor"), List.of("GAC"));
        assertThat(write(first, editor).statusCode()).isEqualTo(200);
        assertThat(write(second, editor).statusCode()).isEqualTo(200);
        assertThat(write(second, editor).statusCode()).isEqualTo(200);

        HttpResponse<String> refused = write(first, editor);
        assertThat(refused.statusCode()).as("the fourth write, on the other replica").isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(write(second, editor).statusCode()).isEqualTo(429);

        redis.stop();
        long started = System.nanoTime();
        HttpResponse<String> unchecked = write(first, editor);
        assertThat(unchecked.statusCode()).as("with Redis away the write goes through uncounted").isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    private static HttpResponse<String> write(ConfigurableApplicationContext gateway, String token) throws Exception {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/recommendations"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"9.9\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigurableApplicationContext gateway(int redisPort) {
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                // each replica its own management port (the default, 18080, would collide)
                "--management.server.port=0",
                "--WS2_RECOMMENDATIONS_URI=" + BACKEND.uri(),
                "--WS2_GROUPS_URI=" + BACKEND.uri(),
                "--WS2_REPORTING_URI=" + BACKEND.uri(),
                "--WS2_NOTIFICATIONS_URI=" + BACKEND.uri(),
                "--ws2.jwt.issuer-uri=",
                "--ws2.jwt.public-key-location=" + TOKENS.publicKeyLocation(),
                "--ws2.rate-limit.writes-per-minute=3",
                "--ws2.rate-limit.redis-url=redis://127.0.0.1:" + redisPort);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
