package org.ws2.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * The header read without a pattern gives what Spring Security's resolver gives, for every kind of header: the same
 * token, no token, or the same refusal.
 */
class BearerTokenHeaderTest {

    private final BearerTokenHeader header = new BearerTokenHeader();
    private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();

    @Test
    void aPlainBearerHeaderGivesItsToken() {
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzYW0ifQ.c2lnbmF0dXJlLV9-+/==";
        assertThat(header.resolve(request("Bearer " + jwt))).isEqualTo(jwt);
        assertThat(header.resolve(request(null))).isNull();
    }

    @Test
    void everyHeaderIsAnsweredAsTheStandardResolverAnswersIt() {
        List<String> headers = new ArrayList<>(List.of("Bearer abc", "bearer abc", "BEARER abc", "Bearer  abc", "Bearer",
                "Bearer ", "Bearer ==", "Bearer a=b", "Bearer a==", "Bearer a b", "Bearer abc ", "Basic dXNlcjpwYXNz",
                "DPoP abc", "Bearerabc", "Bearer\tabc", "Bearer a\u00e9", ""));
        char[] alphabet = { 'a', 'Z', '9', '-', '.', '_', '~', '+', '/', '=', ' ', '\t', '%', '\u00e9', 'B', 'e', 'r' };
        Random random = new Random(23);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder token = new StringBuilder();
            for (int i = random.nextInt(10); i > 0; i--) {
                token.append(alphabet[random.nextInt(alphabet.length)]);
            }
            headers.add((random.nextBoolean() ? "Bearer " : "bearer ") + token);
        }
        for (String value : headers) {
            assertThat(answer(() -> header.resolve(request(value)))).as(value)
                    .isEqualTo(answer(() -> standard.resolve(request(value))));
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/recommendations");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    /** The token, "none", or the refusal's error code and description. */
    private static String answer(java.util.function.Supplier<String> resolve) {
        try {
            String token = resolve.get();
            return token == null ? "none" : "token " + token;
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode() + ": " + e.getError().getDescription();
        }
    }
}
