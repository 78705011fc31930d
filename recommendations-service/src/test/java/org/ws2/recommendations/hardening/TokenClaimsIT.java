package org.ws2.recommendations.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.ws2.recommendations.support.RecommendationsApiTestBase;
import org.ws2.testsupport.TestTokens;

import com.nimbusds.jwt.JWTClaimsSet;

/**
 * A correctly signed token is still refused (401 problem) unless it names the expected issuer, the
 * expected audience and an expiry.
 */
class TokenClaimsIT extends RecommendationsApiTestBase {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aTokenWithIssuerAudienceAndExpiryIsAccepted() throws Exception {
        assertThat(attempt(UnaryOperator.identity()).statusCode()).isNotEqualTo(401);
    }

    @Test
    void aTokenWithoutAudienceOrForAnotherAudienceIsRefused() throws Exception {
        assertUnauthenticated(attempt(claims -> claims.audience((String) null)));
        assertUnauthenticated(attempt(claims -> claims.audience("some-other-api")));
    }

    @Test
    void aTokenWithoutIssuerOrFromAnotherIssuerIsRefused() throws Exception {
        assertUnauthenticated(attempt(claims -> claims.issuer(null)));
        assertUnauthenticated(attempt(claims -> claims.issuer("https://elsewhere.example")));
    }

    @Test
    void aTokenWithoutExpiryIsRefused() throws Exception {
        assertUnauthenticated(attempt(claims -> claims.expirationTime(null)));
    }

    private void assertUnauthenticated(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    /** A harmless write (an unknown recommendation's retirement) with a token shaped by {@code change}. */
    private HttpResponse<String> attempt(UnaryOperator<JWTClaimsSet.Builder> change) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(TestTokens.ISSUER)
                .audience(TestTokens.AUDIENCE)
                .subject("sam.support")
                .claim("roles", List.of("support-staff"))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
        String token = TestTokens.signed(change.apply(claims).build());
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/recommendations/9.99/retirement"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"probe\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
