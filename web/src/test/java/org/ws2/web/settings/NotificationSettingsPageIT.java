package org.ws2.web.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ws2.web.Forms;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway;
import org.ws2.web.StubGateway.Answer;

/**
 * The notification settings page: the person's subscriptions from {@code /api/subscriptions} in words, and
 * forms that create, change, pause, resume and delete them through the API, a refusal shown beside the
 * field the API named.
 */
class NotificationSettingsPageIT extends PageIT {

    static final String ID = "5b0e9c7e-0000-4000-8000-000000000001";
    static final String SUBSCRIPTION = """
            {"id":"%s","owner":"pat.person","kind":"PERSON","channels":["INBOX","EMAIL"],"cadence":"DAILY",
             "email":"pat@example.org","groupIds":["ALAC","GAC"],"recommendationIds":[],"topics":["6"],"eventTypes":[],
             "engagementKinds":[],"url":null,"enabled":true,"disabledReason":null,"version":3,
             "createdAt":"2026-11-30T01:06:16Z","updatedAt":"2026-11-30T01:06:16Z","emailConfirmed":false}""".formatted(ID);
    static final String WEBHOOK = """
            {"id":"5b0e9c7e-0000-4000-8000-000000000002","owner":"pat.person","kind":"WEBHOOK","channels":[],"cadence":"IMMEDIATE",
             "email":null,"groupIds":[],"recommendationIds":[],"topics":[],"eventTypes":[],"engagementKinds":[],
             "url":"https://hooks.example/ws2","enabled":true,"disabledReason":null,"version":1}""";

    @BeforeEach
    void theApi() {
        GATEWAY.on("GET /api/subscriptions", "[" + SUBSCRIPTION + "," + WEBHOOK + "]")
                .on("GET /api/subscriptions/" + ID, new Answer(200, SUBSCRIPTION, "\"3\""))
                .on("POST /api/subscriptions", new Answer(201, SUBSCRIPTION, "\"0\""))
                .on("PUT /api/subscriptions/" + ID, new Answer(200, SUBSCRIPTION, "\"4\""))
                .on("DELETE /api/subscriptions/" + ID, Answer.noContent());
    }

    @Test
    void nobodySignedInIsSentToSignIn() throws Exception {
        HttpResponse<String> page = browser.get(page("/settings/notifications"));

        assertRedirected(page, "/sign-in");
    }

    @Test
    void theSubscriptionsShowInWordsAndAnUnconfirmedEmailSaysItWaits() throws Exception {
        signIn();

        String body = shown("/settings/notifications");
        Map<String, List<String>> saved = Forms.of(body, "/settings/notifications/" + ID);
        assertThat(saved.get("channels")).containsExactly("INBOX", "EMAIL");
        assertThat(saved.get("cadence")).containsExactly("DAILY");
        assertThat(saved.get("groupIds")).containsExactly("ALAC, GAC");
        assertThat(saved.get("topics")).containsExactly("6");
        assertThat(body).contains("Daily digest").contains(">Inbox<").contains(">Email<");
        assertThat(body).contains("data-testid=\"waiting-for-confirmation\"").contains("waiting for confirmation");
        assertThat(body).as("admins' webhooks are not a person's settings").doesNotContain("hooks.example");
        assertThat(body).doesNotContain(">DAILY<").doesNotContain(">INBOX<");
    }

    @Test
    void aNewSubscriptionGoesToTheApiAsTyped() throws Exception {
        signIn();
        String shown = browser.get(page("/settings/notifications")).body();

        HttpResponse<String> created = browser.post(page("/settings/notifications"), Forms.encoded(
                Forms.of(shown, "/settings/notifications"), Map.of("channels", List.of("INBOX", "EMAIL"),
                        "cadence", List.of("WEEKLY"), "groupIds", List.of(" ALAC ,GAC,, "), "eventTypes",
                        List.of("org.ws2.recommendation.status-changed.v1"))));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(GATEWAY.changes()).containsExactly("POST /api/subscriptions auth=true if-match=null "
                + "{\"channels\":[\"INBOX\",\"EMAIL\"],\"cadence\":\"WEEKLY\",\"email\":null,\"groupIds\":[\"ALAC\",\"GAC\"],"
                + "\"recommendationIds\":[],\"topics\":[],\"eventTypes\":[\"org.ws2.recommendation.status-changed.v1\"]}");
    }

    @Test
    void aRefusalIsShownBesideTheFieldItNamesWithWhatWasTyped() throws Exception {
        signIn();
        GATEWAY.on("POST /api/subscriptions", Answer.problem(400, "email", "email must be one address such as name@example.org."));
        String shown = browser.get(page("/settings/notifications")).body();

        HttpResponse<String> refused = browser.post(page("/settings/notifications"), Forms.encoded(
                Forms.of(shown, "/settings/notifications"), Map.of("channels", List.of("EMAIL"),
                        "email", List.of("not an address"), "groupIds", List.of("ALAC"))));

        assertThat(refused.statusCode()).isEqualTo(200);
        String body = refused.body();
        int field = body.indexOf("id=\"new-email\"");
        int problem = body.indexOf("data-testid=\"problem-new-email\"");
        assertThat(field).isNotNegative();
        assertThat(problem).as("the problem follows the field it names").isGreaterThan(field);
        assertThat(body.substring(problem)).contains("email must be one address such as name@example.org.");
        Map<String, List<String>> kept = Forms.of(body, "/settings/notifications");
        assertThat(kept.get("email")).containsExactly("not an address");
        assertThat(kept.get("groupIds")).containsExactly("ALAC");
        assertThat(kept.get("channels")).containsExactly("EMAIL");
    }

    @Test
    void savingAChangeSendsTheVersionShownAndAStaleOneAsksForAReload() throws Exception {
        signIn();
        String shown = browser.get(page("/settings/notifications")).body();
        GATEWAY.on("PUT /api/subscriptions/" + ID, Answer.problem(412, null, "The subscription changed."));

        HttpResponse<String> stale = browser.post(page("/settings/notifications/" + ID), Forms.encoded(
                Forms.of(shown, "/settings/notifications/" + ID), Map.of("cadence", List.of("WEEKLY"))));

        assertThat(GATEWAY.changes()).singleElement().asString()
                .startsWith("PUT /api/subscriptions/" + ID + " auth=true if-match=\"3\" ")
                .contains("\"cadence\":\"WEEKLY\"").contains("\"groupIds\":[\"ALAC\",\"GAC\"]").contains("\"enabled\":true");
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.body()).contains("data-testid=\"problem-" + ID + "\"").contains("Reload the page");
    }

    @Test
    void pauseSendsTheSubscriptionAsShownButPausedAndDeleteDeletes() throws Exception {
        signIn();
        String shown = browser.get(page("/settings/notifications")).body();

        HttpResponse<String> paused = submit(shown, "/settings/notifications/" + ID + "/enabled");
        HttpResponse<String> deleted = submit(shown, "/settings/notifications/" + ID + "/delete");

        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(302);
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(302);
        assertThat(GATEWAY.changes()).containsExactly(
                "PUT /api/subscriptions/" + ID + " auth=true if-match=\"3\" {\"channels\":[\"INBOX\",\"EMAIL\"],"
                        + "\"cadence\":\"DAILY\",\"email\":\"pat@example.org\",\"groupIds\":[\"ALAC\",\"GAC\"],"
                        + "\"recommendationIds\":[],\"topics\":[\"6\"],\"eventTypes\":[],\"engagementKinds\":[],\"enabled\":false}",
                "DELETE /api/subscriptions/" + ID + " auth=true if-match=null ");
    }

    @Test
    void changesNeedTheFormsCsrfToken() throws Exception {
        signIn();
        browser.get(page("/settings/notifications"));

        HttpResponse<String> forged = browser.post(page("/settings/notifications/" + ID + "/delete"), "");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(GATEWAY.changes()).isEmpty();
    }

    private void signIn() {
        signIn("pat.person", "group-editor", "ALAC");
    }
}
