package org.ws2.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.ws2.web.StubGateway.Answer;

/**
 * The gateway counts a page's API calls against its visitor; when it refuses one (429), the page says so
 * in words with the same status and passes the API's Retry-After on, so that a browser or a crawler
 * waits as the gateway asked, rather than seeing the tracker as broken (502).
 */
class RateLimitedPageIT extends PageIT {

    @Test
    void aPageWhoseApiCallIsRefusedForTooManyRequestsIsA429WithTheApisRetryAfter() throws Exception {
        GATEWAY.on("GET /api/recommendations", Answer.problem(429, null, "Too many requests: at most 300 a minute.")
                .withHeader("Retry-After", "17"));

        HttpResponse<String> shown = browser.get(page("/recommendations"));

        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(429);
        assertThat(shown.headers().firstValue("Retry-After")).hasValue("17");
        assertThat(shown.body()).contains("<h1>Too many requests</h1>")
                .contains("Wait 17 seconds, then reload the page.");
    }

    @Test
    void withoutRetryAfterThePageStillSaysToWait() throws Exception {
        GATEWAY.on("GET /api/recommendations", Answer.problem(429, null, "Too many requests."));

        HttpResponse<String> shown = browser.get(page("/recommendations"));

        assertThat(shown.statusCode()).isEqualTo(429);
        assertThat(shown.headers().firstValue("Retry-After")).isEmpty();
        assertThat(shown.body()).contains("Wait a minute, then reload the page.");
    }
}
