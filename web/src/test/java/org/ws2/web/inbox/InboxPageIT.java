package org.ws2.web.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ws2.web.Forms;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway;
import org.ws2.web.StubGateway.Answer;

/**
 * The inbox page shows the person's notices as the notifications API lists them, unread ones marked,
 * each linking to its page; "mark read" and "mark all read" go to the API and come back to the list.
 */
class InboxPageIT extends PageIT {

    static final String NOTICES = """
            {"items":[
              {"id":"8d2c7a52-0000-4000-8000-000000000001","kind":"SIGN_OFF_REQUESTED","subject":"ALAC is asked to sign off 6.1.1",
               "message":"Review the draft and sign off.","link":"/groups/ALAC","recommendationId":"6.1.1","groupId":"ALAC",
               "actor":"sam.support","occurredAt":"2026-11-30T01:06:16Z","createdAt":"2026-11-30T01:06:17Z","read":false},
              {"id":"8d2c7a52-0000-4000-8000-000000000002","kind":"RECOMMENDATION_STATUS_CHANGED","subject":"1.1 is now in progress",
               "message":null,"link":"https://elsewhere.example/phish","recommendationId":"1.1","groupId":null,
               "actor":null,"occurredAt":"2026-11-29T09:00:00Z","createdAt":"2026-11-29T09:00:01Z","read":true}],
             "page":0,"size":50,"total":2,"unread":1}""";

    @BeforeEach
    void theApi() {
        GATEWAY.on("GET /api/notifications?page=0&size=50", NOTICES)
                .on("GET /api/notifications?page=0&size=1", NOTICES)
                .on("POST /api/notifications/8d2c7a52-0000-4000-8000-000000000001/read", Answer.noContent())
                .on("POST /api/notifications/read-all", "{\"marked\":1}");
    }

    @Test
    void nobodySignedInIsSentToSignIn() throws Exception {
        HttpResponse<String> page = browser.get(page("/inbox"));

        assertRedirected(page, "/sign-in");
        assertThat(GATEWAY.calls()).isEmpty();
    }

    @Test
    void theNoticesShowUnreadMarkedInWordsEachLinkingToItsPageOnThisSite() throws Exception {
        signIn();

        String body = shown("/inbox");
        assertThat(body).contains("1 unread notice of 2.");
        assertThat(body.indexOf("ALAC is asked to sign off 6.1.1")).isLessThan(body.indexOf("1.1 is now in progress"));
        assertThat(body).contains("<a href=\"/groups/ALAC\">ALAC is asked to sign off 6.1.1</a>");
        assertThat(body).as("a link to another site is not followed").doesNotContain("elsewhere.example");
        assertThat(body).contains("Sign-off requested").contains("Recommendation status changed")
                .doesNotContain("SIGN_OFF_REQUESTED").doesNotContain("RECOMMENDATION_STATUS_CHANGED");
        assertThat(body).contains("30 November 2026, 01:06 UTC");
        assertThat(section(body, "data-notice=\"8d2c7a52-0000-4000-8000-000000000001\"")).contains("Unread").contains("Mark read");
        assertThat(section(body, "data-notice=\"8d2c7a52-0000-4000-8000-000000000002\"")).doesNotContain("Unread")
                .doesNotContain("Mark read");
        assertThat(body).as("the header counts the unread").containsPattern("Inbox\\s*<span class=\"count\">1</span>");
    }

    @Test
    void theInboxPageReadsTheInboxOnceItsHeaderCountingFromThatRead() throws Exception {
        signIn();

        HttpResponse<String> inbox = browser.get(page("/inbox"));

        assertThat(inbox.body()).containsPattern("Inbox\\s*<span class=\"count\">1</span>");
        assertThat(GATEWAY.requests()).extracting(StubGateway.Request::target)
                .containsExactly("GET /api/notifications?page=0&size=50");
    }

    @Test
    void markReadAndMarkAllReadGoToTheApiAndBackToTheList() throws Exception {
        signIn();
        String shown = browser.get(page("/inbox")).body();

        HttpResponse<String> one = submit(shown, "/inbox/8d2c7a52-0000-4000-8000-000000000001/read");
        HttpResponse<String> all = submit(shown, "/inbox/read-all");

        assertThat(one.statusCode()).as(one.body()).isEqualTo(302);
        assertRedirected(all, "/inbox");
        assertThat(GATEWAY.changes()).containsExactly(
                "POST /api/notifications/8d2c7a52-0000-4000-8000-000000000001/read auth=true if-match=null ",
                "POST /api/notifications/read-all auth=true if-match=null ");
    }

    @Test
    void aNoticeTheApiDoesNotKnowIsSaidInWordsAndChangesNothing() throws Exception {
        signIn();
        String shown = browser.get(page("/inbox")).body();

        HttpResponse<String> refused = browser.post(page("/inbox/8d2c7a52-0000-4000-8000-00000000ffff/read"),
                Forms.encoded(Forms.of(shown, "/inbox/read-all")));

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("class=\"problem\" role=\"alert\"").contains("Nothing here.");
    }

    @Test
    void markingReadNeedsTheFormsCsrfToken() throws Exception {
        signIn();
        browser.get(page("/inbox"));

        HttpResponse<String> forged = browser.post(page("/inbox/read-all"), "page=0");

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(GATEWAY.changes()).isEmpty();
    }

    private void signIn() {
        signIn("pat.person", "group-editor", "ALAC");
    }

    private static String section(String html, String marker) {
        int start = html.indexOf(marker);
        assertThat(start).as(marker).isNotNegative();
        return html.substring(start, html.indexOf("</li>", start));
    }
}
