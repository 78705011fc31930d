package org.ws2.recommendations.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import org.ws2.testsupport.ServiceIntegrationTest;
import org.ws2.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL out of reach (no new connection allowed to the service's database, its open ones
 * cut): reads and writes answer a 503 problem with Retry-After within 2 s, and the service answers
 * normally again once the database is back. Its own context and database, so nothing else is hit.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "ws2.test.context=database-outage")
class DatabaseOutageIT {

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password}")
    String password;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void readsAndWritesAnswer503WithRetryAfterWithinTwoSecondsWhileTheDatabaseIsAway() throws Exception {
        assertThat(send(get("/api/recommendations/2.1")).statusCode()).isEqualTo(200);

        cutDatabase(true);

        for (HttpRequest request : new HttpRequest[] { get("/api/recommendations/2.1"), get("/api/recommendations"),
                post("/api/recommendations/2.1/transitions", "{\"to\":\"PLANNING\",\"note\":\"outage probe\"}") }) {
            List<Duration> times = new ArrayList<>();
            for (int attempt = 0; attempt < 3; attempt++) {
                long started = System.nanoTime();
                HttpResponse<String> response = send(request);
                times.add(Duration.ofNanos(System.nanoTime() - started));

                assertThat(response.statusCode()).as(request + " " + response.body()).isEqualTo(503);
                assertThat(response.headers().firstValue("Retry-After")).isPresent();
                JsonNode problem = json.readTree(response.body());
                assertThat(problem.path("type").asString()).isEqualTo("urn:ws2:problem:service-unavailable");
            }
            // the median of three: a machine shared by many builds can stall any single request
            Collections.sort(times);
            assertThat(times.get(1)).as("time to answer " + request + ": " + times).isLessThan(Duration.ofSeconds(2));
        }

        cutDatabase(false);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> send(get("/api/recommendations/2.1")).statusCode() == 200);
    }

    @AfterEach
    void restore() throws Exception {
        cutDatabase(false);
    }

    private void cutDatabase(boolean cut) throws Exception {
        String name = databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1);
        String admin = databaseUrl.substring(0, databaseUrl.lastIndexOf('/') + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(admin, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + !cut);
            if (cut) {
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + name + "' AND pid <> pg_backend_pid()");
            }
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(40)).build();
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(40))
                .header("Authorization", TestTokens.bearer("sam.support", "support-staff"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
