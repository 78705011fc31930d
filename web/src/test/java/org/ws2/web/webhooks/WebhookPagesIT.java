package org.ws2.web.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.MultiValueMap;
import org.ws2.web.Forms;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway.Answer;

/**
 * Admins keep the webhooks that tell other systems of changes (issue 20 item 4): list, create (the signing
 * secret shown once), pause and resume, delete, and each one's delivery log. Nobody else may.
 */
class WebhookPagesIT extends PageIT {

    static final String ID = "5b0e9c7e-0000-4000-8000-00000000000a";
    static final String WEBHOOK = """
            {"id":"%s","owner":"ada.admin","kind":"WEBHOOK","channels":[],"cadence":"IMMEDIATE","email":null,
             "emailConfirmed":false,"groupIds":["ALAC"],"recommendationIds":[],"topics":[],"eventTypes":[],
             "engagementKinds":[],"url":"https://hooks.example.org/ws2","enabled":true,"disabledReason":null,
             "version":3,"createdAt":"2026-11-01T10:00:00Z","updatedAt":"2026-11-01T10:00:00Z"}""".formatted(ID);
    static final String PERSONAL = """
            {"id":"5b0e9c7e-0000-4000-8000-00000000000b","owner":"ada.admin","kind":"PERSON","channels":["INBOX"],
             "cadence":"IMMEDIATE","groupIds":[],"recommendationIds":[],"topics":[],"eventTypes":[],"engagementKinds":[],
             "url":null,"enabled":true,"version":0}""";

    @BeforeEach
    void theApi() {
        GATEWAY.on("GET /api/subscriptions", "[" + WEBHOOK + "," + PERSONAL + "]")
                .on("GET /api/subscriptions/" + ID, new Answer(200, WEBHOOK, "\"3\""));
    }

    @Test
    void onlyAdminsSeeThePage() throws Exception {
        assertThat(browser.get(page("/settings/webhooks")).statusCode()).isEqualTo(302);
        signIn("sam.support", "support-staff");

        HttpResponse<String> refused = browser.get(page("/settings/webhooks"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Only admins");
        assertThat(browser.get(page("/settings/webhooks/" + ID)).statusCode()).isEqualTo(403);
        // the header's inbox count is all the pages asked the API: no subscription was read
        assertThat(GATEWAY.calls()).noneMatch(call -> call.contains("/api/subscriptions"));
    }

    @Test
    void whatAWebhookFollowsReadsInWords() throws Exception {
        signIn("ada.admin", "admin");
        GATEWAY.on("GET /api/subscriptions", "[" + WEBHOOK.replace("\"engagementKinds\":[]",
                "\"engagementKinds\":[\"WEBINAR\",\"PUBLIC_COMMENT\"]") + "]");

        String shown = browser.get(page("/settings/webhooks")).body();

        assertThat(shown).contains("Engagements: <span>Webinar</span>, <span>Public comment</span>.")
                .doesNotContain("PUBLIC_COMMENT");
    }

    @Test
    void theListHasTheWebhooksOnly() throws Exception {
        signIn("ada.admin", "admin");

        String html = shown("/settings/webhooks");
        assertThat(html).contains("https://hooks.example.org/ws2").contains("ALAC")
                .doesNotContain("5b0e9c7e-0000-4000-8000-00000000000b");
    }

    @Test
    void aNewWebhooksSecretIsShownOnceAndNeverKept() throws Exception {
        signIn("ada.admin", "admin");
        MultiValueMap<String, String> form = Forms.of(browser.get(page("/settings/webhooks")).body(), "/settings/webhooks");
        GATEWAY.on("POST /api/subscriptions", Answer.created(WEBHOOK.replace("\"enabled\"", "\"secret\":\"whsec_s3cr3t\",\"enabled\"")));

        HttpResponse<String> created = browser.post(page("/settings/webhooks"), Forms.encoded(form, Map.of(
                "url", List.of("https://hooks.example.org/ws2"), "eventTypes", List.of("assignment.triaged, group.updated"))));

        assertThat(GATEWAY.changes()).containsExactly("POST /api/subscriptions auth=true if-match=null "
                + "{\"kind\":\"WEBHOOK\",\"url\":\"https://hooks.example.org/ws2\",\"groupIds\":[],\"recommendationIds\":[],"
                + "\"topics\":[],\"eventTypes\":[\"assignment.triaged\",\"group.updated\"],\"engagementKinds\":[]}");
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("whsec_s3cr3t").contains("shown only this once");
        assertThat(created.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(browser.get(page("/settings/webhooks")).body()).doesNotContain("whsec_");
    }

    @Test
    void aRefusedUrlIsShownBesideItAsTyped() throws Exception {
        signIn("ada.admin", "admin");
        MultiValueMap<String, String> form = Forms.of(browser.get(page("/settings/webhooks")).body(), "/settings/webhooks");
        GATEWAY.on("POST /api/subscriptions", Answer.problem(400, "url", "A webhook must post to a public https address."));

        HttpResponse<String> refused = browser.post(page("/settings/webhooks"), Forms.encoded(form,
                Map.of("url", List.of("http://10.0.0.1/hook"))));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(Forms.between(refused.body(), "name=\"url\"", "</div>")).contains("public https address");
        assertThat(Forms.input(refused.body(), "url")).contains("value=\"http://10.0.0.1/hook\"");
    }

    @Test
    void pausingSendsTheWebhookAsItIsWithEnabledFalseAndTheVersionShown() throws Exception {
        signIn("ada.admin", "admin");
        String shown = browser.get(page("/settings/webhooks")).body();
        MultiValueMap<String, String> pause = Forms.of(shown, "/settings/webhooks/" + ID + "/enabled");
        GATEWAY.on("PUT /api/subscriptions/" + ID, Answer.ok(WEBHOOK));

        HttpResponse<String> answered = browser.post(page("/settings/webhooks/" + ID + "/enabled"), Forms.encoded(pause));

        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(GATEWAY.changes()).containsExactly("PUT /api/subscriptions/" + ID + " auth=true if-match=\"3\" "
                + "{\"kind\":\"WEBHOOK\",\"url\":\"https://hooks.example.org/ws2\",\"groupIds\":[\"ALAC\"],\"recommendationIds\":[],"
                + "\"topics\":[],\"eventTypes\":[],\"engagementKinds\":[],\"enabled\":false}");
    }

    @Test
    void deleting() throws Exception {
        signIn("ada.admin", "admin");
        String shown = browser.get(page("/settings/webhooks")).body();
        GATEWAY.on("DELETE /api/subscriptions/" + ID, Answer.noContent());

        HttpResponse<String> answered = submit(shown, "/settings/webhooks/" + ID + "/delete");

        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(GATEWAY.changes()).containsExactly("DELETE /api/subscriptions/" + ID + " auth=true if-match=null ");
    }

    @Test
    void theDeliveryLogShowsEachMessageAndEveryAttempt() throws Exception {
        signIn("ada.admin", "admin");
        GATEWAY.on("GET /api/subscriptions/" + ID + "/deliveries", """
                [{"id":"msg_1","eventId":"e-1","eventType":"org.ws2.assignment.triaged.v1","state":"ABANDONED","attempts":2,
                  "nextAttemptAt":null,"deliveredAt":null,"lastStatus":503,"lastError":"Service Unavailable",
                  "createdAt":"2026-11-02T10:00:00Z","attemptLog":[
                    {"attempt":1,"at":"2026-11-02T10:00:01Z","status":null,"error":"connect timed out"},
                    {"attempt":2,"at":"2026-11-02T10:05:01Z","status":503,"error":"Service Unavailable"}]}]""");

        String log = shown("/settings/webhooks/" + ID);
        assertThat(log).contains("https://hooks.example.org/ws2").contains("org.ws2.assignment.triaged.v1")
                .contains("Given up").contains("connect timed out").contains("503");
    }
}
