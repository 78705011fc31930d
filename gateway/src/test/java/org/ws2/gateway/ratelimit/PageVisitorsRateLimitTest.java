package org.ws2.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.ws2.gateway.support.OneBackendGatewayTestBase;

/**
 * The web module renders a page by calling the gateway's /api for the visitor. Those calls must draw on the
 * visitor's allowance, not on the web module's own address, or a few visitors would use up everyone's pages.
 * The test's ingress (this test client, on loopback) names each visitor in X-Forwarded-For; the pages are
 * a stand-in for the web module that calls the API the way its TrackerApi does.
 */
@TestPropertySource(properties = { "ws2.rate-limit.reads-per-minute=4", "ws2.rate-limit.writes-per-minute=2",
        "ws2.rate-limit.pages-per-minute=2" })
class PageVisitorsRateLimitTest extends OneBackendGatewayTestBase {

    static final Pages PAGES = Pages.start();

    @DynamicPropertySource
    static void routePagesToTheStandIn(DynamicPropertyRegistry registry) {
        registry.add("WS2_WEB_URI", PAGES::uri);
    }

    @AfterAll
    static void stopPages() {
        PAGES.close();
    }

    @LocalServerPort
    int port;

    @BeforeEach
    void pagesCallThisGateway() {
        PAGES.gatewayPort.set(port);
    }

    @Test
    void pageLoadsByDistinctVisitorsDrawOnTheirOwnAllowances() {
        // 20 visitors, two pages each: 40 API calls in all, ten times one caller's allowance (4 reads)
        for (int visitor = 1; visitor <= 20; visitor++) {
            for (int load = 0; load < 2; load++) {
                page("203.0.113." + visitor).expectStatus().isOk();
            }
        }
    }

    @Test
    void oneVisitorFloodingPagesGetsAPageSaying429AndOthersStillGetTheirs() {
        // each page draws on the visitor's pages (2 here), the API call made for it on the visitor's reads
        page("198.51.100.20").expectStatus().isOk();
        page("198.51.100.20").expectStatus().isOk();

        page("198.51.100.20").expectStatus().isEqualTo(429)
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]*")
            .expectBody(String.class).value(html -> assertThat(html)
                .contains("<title>Too many requests")
                .contains("try again in")
                .doesNotContain("urn:ws2:problem"));

        page("198.51.100.21").expectStatus().isOk();
    }

    @Test
    void pagesHaveAnAllowanceOfTheirOwnWhichThePagesFilesDoNotDrawOn() {
        page("198.51.100.40").expectStatus().isOk();
        page("198.51.100.40").expectStatus().isOk();
        client.get().uri("/assets/site.css").header("X-Forwarded-For", "198.51.100.40").exchange()
            .expectStatus().isOk();

        page("198.51.100.40").expectStatus().isEqualTo(429)
            .expectHeader().valueMatches("RateLimit", "\"pages\";r=0;t=[1-9][0-9]*");
    }

    @Test
    void aBrowserOverItsAllowanceOnAnApiPathGetsAPageButAProgramGetsTheProblem() {
        for (int i = 0; i < 4; i++) {
            client.get().uri("/api/recommendations").header("X-Forwarded-For", "198.51.100.30").exchange()
                .expectStatus().isOk();
        }
        // a person following a link to the API (a CSV download) in their browser
        client.get().uri("/api/recommendations").header("X-Forwarded-For", "198.51.100.30")
            .header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .exchange()
            .expectStatus().isEqualTo(429)
            .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectHeader().exists(HttpHeaders.RETRY_AFTER);
        // a script asking for JSON, or for anything
        for (String accept : new String[] { "application/json", "*/*" }) {
            client.get().uri("/api/recommendations").header("X-Forwarded-For", "198.51.100.30")
                .header(HttpHeaders.ACCEPT, accept)
                .exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:ws2:problem:rate-limited");
        }
    }

    private WebTestClient.ResponseSpec page(String visitor) {
        return client.get().uri("/recommendations").header("X-Forwarded-For", visitor)
            .header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .exchange();
    }

    /**
     * A stand-in for the web module: each page is one call of the gateway's API, sent as the web module's
     * TrackerApi sends it (the X-Forwarded-For it received, plus the address it was called from). 200 when
     * the API answered, else 502 naming the API's status, as the web module's problem page does.
     */
    static final class Pages implements AutoCloseable {

        final AtomicInteger gatewayPort = new AtomicInteger();
        private final HttpServer server;
        private final ExecutorService executor = Executors.newCachedThreadPool();
        private final HttpClient http = HttpClient.newHttpClient();

        private Pages(HttpServer server) {
            this.server = server;
        }

        static Pages start() {
            try {
                Pages pages = new Pages(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50));
                pages.server.setExecutor(pages.executor);
                pages.server.createContext("/", pages::handle);
                pages.server.start();
                return pages;
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String chain = exchange.getRequestHeaders().getFirst("X-Forwarded-For");
                String hop = exchange.getRemoteAddress().getAddress().getHostAddress();
                HttpRequest api = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gatewayPort.get()
                        + "/api/recommendations"))
                    .header("Accept", "application/json, application/problem+json")
                    .header("X-Forwarded-For", chain == null || chain.isBlank() ? hop : chain + ", " + hop)
                    .GET().build();
                int apiStatus;
                try {
                    apiStatus = http.send(api, HttpResponse.BodyHandlers.discarding()).statusCode();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    apiStatus = 0;
                }
                int status = apiStatus == 200 ? 200 : 502;
                byte[] body = ("<p>api answered " + apiStatus + "</p>").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
