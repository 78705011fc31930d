package org.ws2.web.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ws2.web.PageBrowser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The page a subscription's confirmation email links to ({@code /subscriptions/confirm?token=...}): opening it
 * confirms nothing (mail scanners follow links), its button does, through the API. The API is a stand-in
 * gateway that knows one token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubscriptionConfirmationPageIT {

    static final String KNOWN_TOKEN = "tok-3f9a";
    /** Each API call the pages made: method, path, Authorization and body. */
    static final List<String> calls = new CopyOnWriteArrayList<>();
    static final HttpServer GATEWAY = gateway();

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        registry.add("ws2.web.gateway-uri", () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort());
        registry.add("ws2.web.local-signing-key", () -> "");
    }

    @AfterAll
    static void stopTheGateway() {
        GATEWAY.stop(0);
    }

    @LocalServerPort
    int port;

    final PageBrowser browser = new PageBrowser();

    @BeforeEach
    void forgetCalls() {
        calls.clear();
    }

    @Test
    void openingTheLinkAsksAndConfirmsNothingThenTheButtonConfirms() throws Exception {
        HttpResponse<String> shown = browser.get(link(KNOWN_TOKEN));

        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body()).contains("should receive WS2 tracker email");
        assertThat(calls).as("a GET confirms nothing").noneMatch(call -> call.startsWith("POST"));

        HttpResponse<String> confirmed = browser.post(page("/subscriptions/confirm"), form(shown.body()));

        assertThat(calls).containsExactly(
                "POST /api/subscriptions/confirmations auth=null {\"token\":\"" + KNOWN_TOKEN + "\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Confirmed").contains("pat@example.org");
    }

    @Test
    void anUnknownOrExpiredTokenIsAClearErrorPage() throws Exception {
        HttpResponse<String> shown = browser.get(link("expired-1"));

        HttpResponse<String> refused = browser.post(page("/subscriptions/confirm"), form(shown.body()));

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("unknown or has expired").doesNotContain("Confirmed");
    }

    @Test
    void theButtonNeedsTheFormsCsrfToken() throws Exception {
        browser.get(link(KNOWN_TOKEN));

        HttpResponse<String> forged = browser.post(page("/subscriptions/confirm"), "token=" + KNOWN_TOKEN);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(calls).isEmpty();
    }

    private URI link(String token) {
        return page("/subscriptions/confirm?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private URI page(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The confirmation form as the browser would submit it: its hidden token and CSRF token. */
    private static String form(String html) {
        int start = html.indexOf("action=\"/subscriptions/confirm\"");
        assertThat(start).as("the page has the confirmation form: " + html).isNotNegative();
        String form = html.substring(start, html.indexOf("</form>", start));
        StringBuilder submitted = new StringBuilder();
        Matcher input = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"").matcher(form);
        while (input.find()) {
            submitted.append(submitted.isEmpty() ? "" : "&").append(input.group(1)).append('=')
                    .append(URLEncoder.encode(input.group(2), StandardCharsets.UTF_8));
        }
        return submitted.toString();
    }

    private static HttpServer gateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", SubscriptionConfirmationPageIT::answer);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        calls.add(exchange.getRequestMethod() + " " + path + " auth="
                + exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
        if (exchange.getRequestMethod().equals("POST") && path.equals("/api/subscriptions/confirmations")
                && body.equals("{\"token\":\"" + KNOWN_TOKEN + "\"}")) {
            send(exchange, 200, "application/json", "{\"email\":\"pat@example.org\",\"confirmed\":true}");
        } else {
            send(exchange, 404, "application/problem+json", """
                    {"type":"urn:ws2:problem:not-found","title":"Not Found","status":404,
                     "detail":"No subscription awaits confirmation with this token."}""");
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
