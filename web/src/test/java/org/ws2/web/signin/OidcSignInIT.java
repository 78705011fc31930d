package org.ws2.web.signin;

import com.nimbusds.jwt.SignedJWT;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ws2.web.PageBrowser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production sign-in against a real OpenID Connect provider: mock-oauth2-server, a complete
 * OAuth2/OIDC server (discovery, authorize, token, JWKS, userinfo) running in this JVM. A browser-like
 * client follows the authorization-code flow from {@code /sign-in} to the provider and back, with no
 * local signing key configured, exactly as in production; then the page header shows the person,
 * roles and groups that the provider put in the access token's claims.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OidcSignInIT {

    static final String ISSUER_ID = "ws2";
    static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    static {
        PROVIDER.start();
    }

    @DynamicPropertySource
    static void oidcLogin(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.ws2.client-id", () -> "ws2-web");
        registry.add(prefix + "registration.ws2.client-secret", () -> "not-so-secret");
        registry.add(prefix + "registration.ws2.scope", () -> "openid");
        registry.add(prefix + "provider.ws2.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER_ID).toString());
        // production: no local key, so /sign-in is the provider's login
        registry.add("ws2.web.local-signing-key", () -> "");
        // nothing here calls the API; a closed port makes any such call fail loudly
        registry.add("ws2.web.gateway-uri", () -> "http://127.0.0.1:9");
    }

    @AfterAll
    static void stopTheProvider() {
        PROVIDER.shutdown();
    }

    @LocalServerPort
    int port;

    final PageBrowser browser = new PageBrowser();

    @Test
    void signingInAtTheProviderGivesTheRolesAndGroupsOfItsTokenClaims() throws Exception {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, "alice@alac.example", "JWT",
                List.of("ws2-tracker"), Map.of("roles", List.of("group-editor"), "groups", List.of("ALAC", "GAC")), 3600));

        List<URI> hops = follow(URI.create("http://localhost:" + port + "/sign-in"));

        // /sign-in → Spring Security's authorization request → the provider → back with a code → /workspace
        assertThat(hops.get(1).getPath()).isEqualTo("/oauth2/authorization/ws2");
        assertThat(hops.get(2).toString()).startsWith(PROVIDER.authorizationEndpointUrl(ISSUER_ID).toString())
                .contains("response_type=code", "client_id=ws2-web", "scope=openid", "state=", "nonce=");
        assertThat(hops.get(3).getPath()).isEqualTo("/login/oauth2/code/ws2");
        assertThat(hops.get(3).getQuery()).contains("code=");
        assertThat(hops.get(hops.size() - 1).getPath()).isEqualTo("/workspace");

        // the cookie holds the provider's access token, which the API will verify against the same issuer
        SignedJWT accessToken = SignedJWT.parse(browser.cookie(TokenCookie.NAME).getValue());
        assertThat(accessToken.getJWTClaimsSet().getIssuer()).isEqualTo(PROVIDER.issuerUrl(ISSUER_ID).toString());
        assertThat(browser.cookie(TokenCookie.NAME).isHttpOnly()).isTrue();

        // a page that needs no API call shows who is signed in, from those claims, and no local banner
        HttpResponse<String> page = browser.get(URI.create("http://localhost:" + port + "/api-docs"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Signed in as <strong>alice@alac.example</strong> (<span>group editor for ALAC, GAC</span>)")
                .doesNotContain("local-banner");
        SignedInUser user = SignedInUser.fromToken(accessToken.serialize()).orElseThrow();
        assertThat(user.editorOf("ALAC")).isTrue();
        assertThat(user.editorOf("ccNSO")).isFalse();
        assertThat(user.local()).isFalse();
    }

    @Test
    void withoutSigningInThereIsNoTokenCookie() throws Exception {
        HttpResponse<String> page = browser.get(URI.create("http://localhost:" + port + "/api-docs"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Sign in").doesNotContain("Signed in as");
    }

    /**
     * Follows redirects like a browser, keeping cookies, up to the workspace (whose page reads the API,
     * which is not here); answers every URL visited, the first included.
     */
    private List<URI> follow(URI start) throws IOException, InterruptedException {
        List<URI> visited = new ArrayList<>(List.of(start));
        URI next = start;
        for (int hop = 0; hop < 10 && !next.getPath().equals("/workspace"); hop++) {
            HttpResponse<String> response = browser.get(next);
            if (response.statusCode() / 100 != 3) {
                assertThat(response.statusCode()).as(next + " answered " + response.body()).isEqualTo(200);
                return visited;
            }
            next = next.resolve(response.headers().firstValue("Location").orElseThrow());
            visited.add(next);
        }
        assertThat(next.getPath()).as("where the redirects led: " + visited).isEqualTo("/workspace");
        return visited;
    }
}
