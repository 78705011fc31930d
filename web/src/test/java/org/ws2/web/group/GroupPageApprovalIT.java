package org.ws2.web.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ws2.web.Forms;
import org.ws2.web.PageIT;
import org.ws2.web.StubGateway.Answer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The group page's approval sends the drafts it showed, each with the version it showed (issue 11
 * item 7), and when the API refuses because one changed since (412) the page says so and asks for a
 * reload. The API is a stand-in gateway on a local port that answers the page's reads and records the
 * approval it is sent.
 */
class GroupPageApprovalIT extends PageIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeEach
    void theApi() {
        GATEWAY.on("POST /api/groups/ALAC/priorities/approval", new Answer(412, """
                        {"type":"urn:ws2:problem:stale-version","title":"Stale version","status":412,
                         "detail":"Changed since you read it: 6.1.3 is at version 6, not 5.","recommendationId":"6.1.3",
                         "currentVersion":6}""", null))
                .on("GET /api/groups/ALAC", """
                        {"id":"ALAC","name":"At-Large Advisory Committee","kind":"AC","parent":null}""")
                .on("GET /api/assignments", "{\"items\":[" + assignment("6.1.1", true, 3) + ","
                        + assignment("6.1.2", false, 4) + "," + assignment("6.1.3", true, 5) + "],\"total\":3}");
    }

    @Test
    void theApprovalNamesTheDraftsAsShownAndAStaleOneAsksForAReload() throws Exception {
        URI page = page("/groups/ALAC");
        signIn("erin.editor", "group-editor", "ALAC");

        HttpResponse<String> shown = browser.get(page);
        assertThat(shown.statusCode()).as(shown.body()).isEqualTo(200);
        var form = Forms.of(shown.body(), "/groups/ALAC/priorities/approval");
        assertThat(form.get("approve")).containsExactly("6.1.1@3", "6.1.3@5");

        HttpResponse<String> answered = browser.post(page.resolve("/groups/ALAC/priorities/approval"), Forms.encoded(form));

        JsonNode sent = JSON.readTree(GATEWAY.requests().stream()
                .filter(request -> request.target().equals("POST /api/groups/ALAC/priorities/approval"))
                .findFirst().orElseThrow().body());
        assertThat(sent.path("approve").toString())
                .isEqualTo("[{\"recommendationId\":\"6.1.1\",\"version\":3},{\"recommendationId\":\"6.1.3\",\"version\":5}]");
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("Someone else changed a draft priority since you opened the page, "
                + "so nothing was approved. Reload the page");
    }

    @Test
    void theGroupsKindIsSaidInWords() throws Exception {
        String body = browser.get(page("/groups/ALAC")).body();

        assertThat(body).contains("<span>Advisory Committee</span>").doesNotContain("<span>AC</span>");
    }

    private static String assignment(String id, boolean draft, int version) {
        return """
                {"id":"ALAC:%s","groupId":"ALAC","recommendationId":"%s","recommendationTitle":"Title %s",
                 "triage":"SIGNED_OFF","priority":"HIGH","effort":"MODERATE","urgency":"MEDIUM","priorityDraft":%s,
                 "notApplicableReason":null,"applicabilityNote":null,"progress":"NOT_STARTED","comments":[],
                 "version":%d}""".formatted(id, id, id, draft, version);
    }
}
