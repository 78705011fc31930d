package org.ws2.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * The benchmark's wait for the read model, against stand-ins answering as the catalogue and reporting's summary
 * do on a stack where a recommendation has been retired (issue 23: the wait never ended there) and that holds
 * another programme's recommendations too (issue 21), which the catalogue lists unless asked for one programme
 * and reporting's summary leaves out unless asked for theirs.
 */
class StackClientTest {

    private HttpServer stack;

    /**
     * The catalogue: WS2's 84 not started, 10 implemented and one retired, and ATRT3's 3 not started; reporting's
     * summary counts WS2's 94.
     */
    @BeforeEach
    void standInsWithOneRetiredRecommendationAndAnotherProgramme() throws Exception {
        Map<String, Long> notRetired = Map.of("NOT_STARTED", 84L, "IMPLEMENTED", 10L);
        Map<String, Long> atrt3 = Map.of("NOT_STARTED", 3L);
        stack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stack.createContext("/api/recommendations", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            if (query.contains("size=50")) {
                // keyset paging: two more pages after the first, by their next links (a cursor, no total)
                String next = query.contains("after=second") ? "\"/api/recommendations?sort=id&order=asc&size=50&after=third\""
                        : query.contains("after=third") ? "null"
                        : "\"/api/recommendations?sort=id&order=asc&size=50&after=second\"";
                json(exchange, "{\"items\":[],\"page\":null,\"size\":50,\"total\":null,\"asOf\":null,\"next\":" + next + "}");
                return;
            }
            boolean ws2Only = query.contains("programme=WS2");
            long total;
            if (query.contains("includeRetired=true")) {
                total = 95 + (ws2Only ? 0 : 3);
            } else if (query.contains("status=")) {
                String status = query.replaceAll(".*status=([A-Z_]+).*", "$1");
                total = notRetired.getOrDefault(status, 0L) + (ws2Only ? 0 : atrt3.getOrDefault(status, 0L));
            } else {
                total = 94 + (ws2Only ? 0 : 3);
            }
            json(exchange, "{\"items\":[],\"page\":0,\"size\":1,\"total\":" + total + ",\"asOf\":null}");
        });
        stack.createContext("/api/reports/summary", exchange -> json(exchange, """
                {"total":94,"byStatus":{"NOT_STARTED":84,"PLANNING":0,"IN_PROGRESS":0,"DOCUMENTING":0,"IMPLEMENTED":10,\
                "ON_HOLD":0},"byPublicStatus":{"NOT_STARTED":84,"IN_PROGRESS":0,"COMPLETE":10},\
                "asOf":"2021-05-01T09:00:00Z"}"""));
        stack.start();
    }

    @AfterEach
    void stop() {
        stack.stop(0);
    }

    @Test
    void aRetiredRecommendationAndAnotherProgrammesDoNotKeepTheWaitGoing() {
        String url = "http://127.0.0.1:" + stack.getAddress().getPort();
        StackClient client = new StackClient(Options.parse(new String[] { "--token", "t", "--recommendations", url,
                "--reporting", url }));

        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            client.awaitReadModelCaughtUp();
        });
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            assertThat(client.awaitReadModelCaughtUp().total()).isEqualTo(94);
        });
    }

    @Test
    void everyPageByCursorIsReachedByFollowingTheNextLinks() throws Exception {
        String url = "http://127.0.0.1:" + stack.getAddress().getPort();
        StackClient client = new StackClient(Options.parse(new String[] { "--token", "t", "--recommendations", url }));

        assertThat(client.pagesByCursor()).containsExactly("/api/recommendations?sort=id&order=asc&size=50&after=second",
                "/api/recommendations?sort=id&order=asc&size=50&after=third");
    }

    @Test
    void aRunNumberWhoseIdsAnEarlierRunLeftIsDrawnAgain() throws Exception {
        // every GET answers; the first two run numbers drawn were an earlier run's (409)
        List<String> posted = new CopyOnWriteArrayList<>();
        HttpServer service = standIn(exchange -> {
            int status = 200;
            if (exchange.getRequestMethod().equals("POST")) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                posted.add(body.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1"));
                status = posted.size() <= 2 ? 409 : 201;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        try {
            clientOf(service).checkReachable();

            assertThat(posted).hasSize(3).allMatch(id -> id.matches("1\\.\\d{3}\\.0\\.0"), "a run's first id");
            assertThat(posted).extracting(id -> id.split("\\.")[1]).doesNotHaveDuplicates();
        } finally {
            service.stop(0);
        }
    }

    @Test
    void aStackThatRefusesEveryRunNumberStopsTheRunWithWhatToDo() throws Exception {
        HttpServer service = standIn(exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 409 : 200, -1);
            exchange.close();
        });
        try {
            assertThatThrownBy(clientOf(service)::checkReachable).hasMessageContaining("use a fresh WS2_HOME");
        } finally {
            service.stop(0);
        }
    }

    /** A stand-in for the whole stack (gateway, service and reporting at one address), answering every path. */
    private static HttpServer standIn(HttpHandler handler) throws IOException {
        HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/", handler);
        service.start();
        return service;
    }

    private static StackClient clientOf(HttpServer service) {
        String url = "http://127.0.0.1:" + service.getAddress().getPort();
        return new StackClient(Options.parse(new String[] { "--token", "t", "--gateway", url, "--recommendations", url,
                "--reporting", url }));
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
