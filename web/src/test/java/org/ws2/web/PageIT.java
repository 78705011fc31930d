package org.ws2.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every page test shares: the pages running on a random port against one stand-in gateway
 * ({@link StubGateway}), with no local signing key, as in production; a browser-like client that keeps
 * cookies. The gateway is the same for every test class, so Spring starts the pages once for all of them;
 * it forgets its answers before each test, and each test class says what the API answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PageIT {

    protected static final StubGateway GATEWAY = new StubGateway();

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        registry.add("ws2.web.gateway-uri", GATEWAY::uri);
        registry.add("ws2.web.local-signing-key", () -> "");
    }

    @LocalServerPort
    protected int port;

    protected final PageBrowser browser = new PageBrowser();

    @BeforeEach
    void aStandInThatKnowsNothingYet() {
        GATEWAY.reset();
    }

    protected URI page(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The page at {@code path} as the browser gets it, drawn (200: else the test fails with what came instead). */
    protected String shown(String path) throws IOException, InterruptedException {
        HttpResponse<String> shown = browser.get(page(path));
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        return shown.body();
    }

    /** The status the page at {@code path} is answered with: for the pages that are not drawn (a 404, a 403). */
    protected int statusOf(String path) throws IOException, InterruptedException {
        return browser.get(page(path)).statusCode();
    }

    /** A change the pages made: answered with a redirect (post/redirect/get) to a place whose address ends in {@code to}. */
    protected static void assertRedirected(HttpResponse<String> answer, String to) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith(to);
    }

    /** Submits the form of {@code html} whose action is {@code action}, as shown (its CSRF token too), as a browser would. */
    protected HttpResponse<String> submit(String html, String action) throws IOException, InterruptedException {
        return browser.post(page(action), Forms.encoded(Forms.of(html, action)));
    }

    /** Signs the browser in with a token of these claims, as the sign-in page would. */
    protected void signIn(String subject, String role, String... groups) {
        browser.setCookie(page("/"), "ws2_token", StubGateway.token(subject, List.of(role), List.of(groups)));
    }
}
