package org.ws2.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** The bare gateway starts in a JVM of its own, routes to the service it is given, and stops. */
class BareGatewayTest {

    private HttpServer recommendations;
    private final AtomicReference<String> seen = new AtomicReference<>();

    @BeforeEach
    void standInForRecommendationsService() throws Exception {
        recommendations = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        recommendations.createContext("/", exchange -> {
            seen.set(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            byte[] body = "{\"id\":\"2.1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        recommendations.start();
    }

    @AfterEach
    void stop() {
        recommendations.stop(0);
    }

    @Test
    void routesItsOnePathToTheServiceAndNothingElse(@TempDir Path dir) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ProcessHandle jvm;
        try (BareGateway bare = BareGateway.start("http://127.0.0.1:" + recommendations.getAddress().getPort(),
                "/api/recommendations/**", dir.resolve("bare-gateway.log"))) {
            jvm = ProcessHandle.of(bare.pid()).orElseThrow();
            // ProcessHandle.Info leaves out the arguments of a command line this long (the class path)
            List<String> commandLine = List.of(Files.readString(Path.of("/proc", String.valueOf(bare.pid()), "cmdline"))
                    .split("\0"));
            assertThat(commandLine).contains(BareGatewayApplication.class.getName()).containsAll(BareGateway.JVM_OPTIONS);

            HttpResponse<String> routed = http.send(HttpRequest.newBuilder(URI.create(bare.baseUrl()
                    + "/api/recommendations/2.1")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(routed.statusCode()).isEqualTo(200);
            assertThat(routed.body()).isEqualTo("{\"id\":\"2.1\"}");
            assertThat(seen.get()).isEqualTo("GET /api/recommendations/2.1");

            HttpResponse<String> unrouted = http.send(HttpRequest.newBuilder(URI.create(bare.baseUrl()
                    + "/api/groups")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unrouted.statusCode()).isEqualTo(404);
            assertThat(bare.log()).content().contains(BareGatewayApplication.LISTENING);
        }
        assertThat(jvm.isAlive()).as("stopped with the benchmark").isFalse();
    }
}
