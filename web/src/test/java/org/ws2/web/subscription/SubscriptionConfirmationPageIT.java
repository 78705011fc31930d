package org.ws2.web.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway.Answer;

/**
 * The page a subscription's confirmation email links to ({@code /subscriptions/confirm?token=...}): opening it
 * confirms nothing (mail scanners follow links), its button does, through the API. The API is a stand-in
 * gateway that knows one token.
 */
class SubscriptionConfirmationPageIT extends PageIT {

    static final String KNOWN_TOKEN = "tok-3f9a";

    @BeforeEach
    void theApi() {
        GATEWAY.on("POST /api/subscriptions/confirmations", request -> request.body().equals("{\"token\":\"" + KNOWN_TOKEN + "\"}")
                ? Answer.ok("{\"email\":\"pat@example.org\",\"confirmed\":true}")
                : Answer.problem(404, null, "No subscription awaits confirmation with this token."));
    }

    @Test
    void openingTheLinkAsksAndConfirmsNothingThenTheButtonConfirms() throws Exception {
        HttpResponse<String> shown = browser.get(link(KNOWN_TOKEN));

        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body()).contains("should receive WS2 tracker email");
        assertThat(GATEWAY.changes()).as("a GET confirms nothing").isEmpty();

        HttpResponse<String> confirmed = submit(shown.body(), "/subscriptions/confirm");

        assertThat(GATEWAY.calls()).containsExactly(
                "POST /api/subscriptions/confirmations auth=false if-match=null {\"token\":\"" + KNOWN_TOKEN + "\"}");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Confirmed").contains("pat@example.org");
    }

    @Test
    void anUnknownOrExpiredTokenIsAClearErrorPage() throws Exception {
        HttpResponse<String> shown = browser.get(link("expired-1"));

        HttpResponse<String> refused = submit(shown.body(), "/subscriptions/confirm");

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("unknown or has expired").doesNotContain("Confirmed");
    }

    @Test
    void theButtonNeedsTheFormsCsrfToken() throws Exception {
        browser.get(link(KNOWN_TOKEN));

        HttpResponse<String> forged = browser.post(page("/subscriptions/confirm"), "token=" + KNOWN_TOKEN);

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(GATEWAY.calls()).isEmpty();
    }

    private URI link(String token) {
        return page("/subscriptions/confirm?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }
}
