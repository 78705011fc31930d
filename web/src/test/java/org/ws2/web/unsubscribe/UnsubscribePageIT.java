package org.ws2.web.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ws2.web.Forms;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway.Answer;

/**
 * The page an email's unsubscribe link opens ({@code /unsubscribe?token=...}): opening it changes nothing (link
 * checkers follow links); its button unsubscribes through the API's one-click endpoint, as a mail client would
 * (RFC 8058). The API is a stand-in gateway that knows one token.
 */
class UnsubscribePageIT extends PageIT {

    /** Base64url tokens are safe in a query; this one is not, so the page must encode it. */
    static final String KNOWN_TOKEN = "sub-7+a/b=";
    static final String KNOWN_QUERY = "token=sub-7%2Ba%2Fb%3D";

    /** A confirmation email's unsubscribe token, as notifications-service writes it: {@code confirmation.<owner and address>.<MAC>}. */
    static final String CONFIRMATION_TOKEN = "confirmation.cGF0CnBhdEBleGFtcGxlLm9yZw.bWFjLW9mLWJvdGg";

    @BeforeEach
    void theApi() {
        GATEWAY.on("POST /api/subscriptions/unsubscribe", request -> {
            if (request.query() == null || request.query().equals("token=")) {
                return Answer.problem(400, "token", "token: must not be blank");
            }
            return request.query().equals(KNOWN_QUERY) || request.query().equals("token=" + CONFIRMATION_TOKEN)
                    ? Answer.ok("{\"unsubscribed\":true}")
                    : Answer.problem(404, null, "No subscription has this unsubscribe token.");
        });
    }

    @Test
    void aConfirmationsLinkSaysItDeclinesTheConfirmationThenDeclinesIt() throws Exception {
        HttpResponse<String> shown = browser.get(link(CONFIRMATION_TOKEN));

        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(Forms.between(shown.body(), "<main", "</main>")).contains("<h1>Unsubscribe</h1>")
                .contains("data-testid=\"declines\"").contains("Unsubscribing declines that confirmation")
                .contains("the address gets no email for that").contains("is not asked again on that person")
                .contains(">Decline and unsubscribe</button>").doesNotContain("Your other subscriptions");
        assertThat(GATEWAY.calls()).as("a GET changes nothing").isEmpty();

        HttpResponse<String> done = submit(shown.body(), "/unsubscribe");

        assertThat(GATEWAY.changes()).containsExactly("POST /api/subscriptions/unsubscribe?token=" + CONFIRMATION_TOKEN
                + " auth=false if-match=null List-Unsubscribe=One-Click");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(Forms.between(done.body(), "<main", "</main>")).contains("<h1>Unsubscribed</h1>")
                .contains("data-testid=\"declined\"").contains("Declined: this address gets no more email for that subscription.")
                .contains("Its confirmation link no longer works")
                .doesNotContain("from this subscription (or to this contact address)").doesNotContain("/settings/notifications\">");
    }

    @Test
    void aSubscriptionsLinkSaysNothingOfDeclining() throws Exception {
        HttpResponse<String> shown = browser.get(link(KNOWN_TOKEN));

        assertThat(Forms.between(shown.body(), "<main", "</main>")).contains("Your other subscriptions")
                .contains(">Unsubscribe</button>").doesNotContain("declines").doesNotContain("Decline");
    }

    @Test
    void openingTheLinkChangesNothingThenTheButtonUnsubscribesWithoutSignIn() throws Exception {
        signIn("pat", "public");
        HttpResponse<String> shown = browser.get(link(KNOWN_TOKEN));

        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        assertThat(shown.body()).contains("Unsubscribe");
        assertThat(GATEWAY.calls()).as("a GET changes nothing").noneMatch(call -> call.contains("unsubscribe"));

        HttpResponse<String> done = submit(shown.body(), "/unsubscribe");

        assertThat(GATEWAY.changes()).as("the one-click call, with no person's token: the link is the credential")
                .containsExactly("POST /api/subscriptions/unsubscribe?" + KNOWN_QUERY + " auth=false if-match=null List-Unsubscribe=One-Click");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("You'll get no more email from this subscription")
                .contains("href=\"/settings/notifications\"");
    }

    @Test
    void anUnknownOrDeletedSubscriptionIsSaidInWords() throws Exception {
        HttpResponse<String> shown = browser.get(link("gone-1"));

        HttpResponse<String> refused = submit(shown.body(), "/unsubscribe");

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("This link is unknown or its subscription was deleted.")
                .doesNotContain("no more email");
    }

    @Test
    void aLinkWithoutItsTokenSaysSoAndAsksTheApiNothing() throws Exception {
        HttpResponse<String> shown = browser.get(page("/unsubscribe"));

        assertThat(shown.statusCode()).isEqualTo(400);
        assertThat(shown.body()).contains("The link is missing its token.");
        assertThat(GATEWAY.calls()).isEmpty();
    }

    @Test
    void theApisTokenProblemIsTheSameSentence() throws Exception {
        String csrf = Forms.csrf(browser.get(link(KNOWN_TOKEN)).body());
        GATEWAY.on("POST /api/subscriptions/unsubscribe", Answer.problem(400, "token", "token: must not be blank"));

        HttpResponse<String> refused = browser.post(page("/unsubscribe"), "_csrf=" + Forms.enc(csrf) + "&token=" + Forms.enc("x"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The link is missing its token.");
    }

    @Test
    void theButtonNeedsTheFormsCsrfToken() throws Exception {
        browser.get(link(KNOWN_TOKEN));

        HttpResponse<String> forged = browser.post(page("/unsubscribe"), "token=" + Forms.enc(KNOWN_TOKEN));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(GATEWAY.calls()).isEmpty();
    }

    private URI link(String token) {
        return page("/unsubscribe?token=" + Forms.enc(token));
    }
}
