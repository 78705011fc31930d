package org.ws2.web;

import java.net.URI;
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

    /** Signs the browser in with a token of these claims, as the sign-in page would. */
    protected void signIn(String subject, String role, String... groups) {
        browser.setCookie(page("/"), "ws2_token", StubGateway.token(subject, List.of(role), List.of(groups)));
    }
}
