package org.ws2.systemtests;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ws2.systemtests.support.GatewayClient;
import org.ws2.systemtests.support.SharedStackJourney;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ws2.systemtests.support.Responses.JSON;
import static org.ws2.systemtests.support.Responses.assertOk;
import static org.ws2.systemtests.support.Responses.assertProblem;
import static org.ws2.systemtests.support.Responses.items;
import static org.ws2.systemtests.support.Responses.json;

/**
 * Issue 4's acceptance: the SO/AC picture of the Q2 2021 update, rebuilt through the gateway with real tokens (on
 * 6.1.1-6.1.3, which no other journey assigns), then read back as each group's stage; with what it brings along:
 * the sign-off request in inboxes and mail (issue 10), an approval of a changed draft refused (issue 11 item 7), and
 * what anonymous readers do not see (issue 11 item 5).
 */
class SoAcPictureSystemIT extends SharedStackJourney {

    @Test
    void theQ2UpdatesSoAcPictureCanBeRebuiltThroughTheGateway() {
        List<String> groups = List.of("ccNSO", "GAC", "ALAC", "GNSO-Council", "RySG", "RrSG", "CSG", "BC", "IPC",
                "ISPCP", "NCSG", "NCUC", "NPOC", "ASO", "RSSAC", "SSAC");
        List<String> recommendations = List.of("6.1.1", "6.1.2", "6.1.3");
        String staff = gateway.token("support-staff");
        // ALAC gets a chair with an address: the sign-off request below emails the group's contacts (issue 10).
        assertOk(gateway.put("/api/groups/ALAC", staff, """
                {"name":"At-Large Advisory Committee","kind":"AC",
                 "contacts":[{"name":"ALAC Chair","email":"chair@alac.example","role":"CHAIR"}]}""", gateway.etag("/api/groups/ALAC")));
        String bulk = "{\"recommendationIds\":" + JSON.valueToTree(recommendations) + ",\"groupIds\":" + JSON.valueToTree(groups)
                + ",\"applicabilityNote\":\"SO/AC accountability good practice\"}";
        // The groups service learns recommendations from their events; a repeated bulk triage changes nothing.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> triaged = gateway.post("/api/assignments/bulk", staff, bulk);
            assertThat(triaged.statusCode()).as(triaged.body()).isEqualTo(200);
            JsonNode answer = json(triaged);
            assertThat(answer.path("created").size() + answer.path("alreadyAssigned").size()).isEqualTo(48);
        });
        for (String group : groups) {
            assertOk(gateway.post("/api/groups/" + group + "/sign-off-request", staff, "{\"note\":\"Please review and sign off\"}"));
        }
        theAlacEditorsInboxAndTheSmtpCatcherHaveTheSignOffRequest(recommendations);
        assertProblem(gateway.post("/api/groups/ccNSO/assignments/6.1.1/triage", gateway.token("group-editor", "ALAC"),
                "{\"to\":\"SIGNED_OFF\"}"), 403);
        for (String group : List.of("ccNSO", "GAC", "GNSO-Council")) {
            String editor = gateway.token("group-editor", group);
            for (String id : recommendations) {
                assertOk(gateway.post("/api/groups/" + group + "/assignments/" + id + "/triage", editor, "{\"to\":\"SIGNED_OFF\"}"));
            }
            prioritize(group, recommendations);
            if (group.equals("ccNSO")) {
                anApprovalOfADraftChangedSinceItWasReadApprovesNothing(editor, recommendations);
            } else {
                assertOk(gateway.post("/api/groups/" + group + "/priorities/approval", editor,
                        approvalOfWhatIsRead(group, recommendations)));
            }
        }
        for (String group : List.of("ccNSO", "GAC")) {
            String path = "/api/groups/" + group + "/assignments/6.1.1";
            assertOk(gateway.put(path + "/progress", gateway.token("group-editor", group),
                    "{\"progress\":\"IN_PROGRESS\",\"note\":\"Begun\"}", gateway.etag(path)));
        }
        prioritize("ALAC", recommendations);

        assertThat(stage("ccNSO")).isEqualTo("IMPLEMENTING");
        assertThat(stage("GAC")).isEqualTo("IMPLEMENTING");
        assertThat(stage("ALAC")).isEqualTo("AWAITING_SIGN_OFF");
        assertThat(json(gateway.get("/api/groups/ALAC/stage", null)).path("sentence").asString())
                .endsWith("is reviewing and prioritizing.");
        anonymousReadersSeeNoAddressNoDraftPriorityAndNoComments(staff);
        assertThat(stage("GNSO-Council")).isEqualTo("PRIORITIZED");
        for (String group : List.of("RySG", "RrSG", "CSG", "BC", "IPC", "ISPCP", "NCSG", "NCUC", "NPOC", "ASO", "RSSAC", "SSAC")) {
            assertThat(stage(group)).as(group).isEqualTo("AWAITING_SIGN_OFF");
        }
    }

    /**
     * Issue 11 item 5 through the gateway: ALAC's chair's address, its draft priorities and the comments
     * between support and ALAC are for ALAC and support, not for anonymous readers.
     */
    private void anonymousReadersSeeNoAddressNoDraftPriorityAndNoComments(String staff) {
        String path = "/api/groups/ALAC/assignments/6.1.1";
        assertThat(gateway.post(path + "/comments", staff, "{\"text\":\"Does this cover the RALOs?\"}").statusCode())
                .isEqualTo(201);

        HttpResponse<String> group = gateway.get("/api/groups/ALAC", null);
        assertThat(group.statusCode()).isEqualTo(200);
        JsonNode contact = json(group).path("contacts").get(0);
        assertThat(contact.path("name").asString()).isEqualTo("ALAC Chair");
        assertThat(contact.path("email").isNull()).as(group.body()).isTrue();
        assertThat(group.body()).doesNotContain("chair@alac.example");

        HttpResponse<String> assignment = gateway.get(path, null);
        assertThat(assignment.statusCode()).isEqualTo(200);
        JsonNode shown = json(assignment);
        assertThat(shown.path("priorityDraft").asBoolean()).isTrue();
        assertThat(shown.path("priority").isNull()).as(assignment.body()).isTrue();
        assertThat(shown.path("effort").isNull()).isTrue();
        assertThat(shown.path("urgency").isNull()).isTrue();
        assertThat(shown.path("comments")).as(assignment.body()).isEmpty();
        assertThat(shown.path("updatedBy").isNull()).isTrue();
        assertThat(gateway.get(path + "/comments", null).statusCode()).isEqualTo(401);

        JsonNode insider = json(gateway.get(path, gateway.token("group-editor", "ALAC")));
        assertThat(insider.path("priority").asString()).isEqualTo("HIGH");
        assertThat(insider.path("comments").get(0).path("text").asString()).isEqualTo("Does this cover the RALOs?");
        assertThat(json(gateway.get("/api/groups/ALAC", staff)).path("contacts").get(0).path("email")
                .asString()).isEqualTo("chair@alac.example");
    }

    /** Issue 10's acceptance: the request reaches ALAC's editors in their inbox and ALAC's chair by email. */
    private void theAlacEditorsInboxAndTheSmtpCatcherHaveTheSignOffRequest(List<String> recommendations) {
        String alacEditor = gateway.token("group-editor", "ALAC");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> inbox = gateway.get("/api/notifications?size=200", alacEditor);
            assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
            assertThat(items(json(inbox)).stream()
                    .filter(item -> item.path("kind").asString().equals("SIGN_OFF_REQUESTED"))
                    .map(item -> item.path("recommendationId").asString()))
                    .containsAll(recommendations);
        });
        HttpResponse<String> gacInbox = gateway.get("/api/notifications?size=200", gateway.token("group-editor", "GAC"));
        assertThat(items(json(gacInbox))).noneSatisfy(item ->
                assertThat(item.path("groupId").asString()).isEqualTo("ALAC"));
        URI caught = stack.smtpCatcherUrl().resolve("/api/user/chair@alac.example/messages/INBOX/");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> mailbox = GatewayClient.send(HttpRequest.newBuilder(caught).GET().build());
            assertThat(mailbox.statusCode()).as(mailbox.body()).isEqualTo(200);
            List<String> subjects = new ArrayList<>();
            json(mailbox).forEach(message -> subjects.add(message.path("subject").asString()));
            assertThat(subjects).contains("[WS2] Sign-off requested: recommendation 6.1.1");
        });
    }

    /**
     * Issue 11 item 7 through the gateway: the ccNSO approver reads the drafts, another ccNSO editor then
     * changes 6.1.2; the approval naming what was read is refused (412) and approves nothing. Read again,
     * the approver approves 6.1.1 and 6.1.2 only, and 6.1.3, which it does not name, stays a draft until
     * it is approved in its turn.
     */
    private void anApprovalOfADraftChangedSinceItWasReadApprovesNothing(String editor, List<String> recommendations) {
        String approval = "/api/groups/ccNSO/priorities/approval";
        String read = approvalOfWhatIsRead("ccNSO", recommendations);
        String changed = "/api/groups/ccNSO/assignments/6.1.2";
        assertOk(gateway.put(changed + "/priority", gateway.token("group-editor", "ccNSO"),
                "{\"priority\":\"MEDIUM\",\"effort\":\"MODERATE\",\"urgency\":\"MEDIUM\"}", gateway.etag(changed)));

        HttpResponse<String> refused = gateway.post(approval, editor, read);
        assertProblem(refused, 412);
        JsonNode problem = json(refused);
        assertThat(problem.path("type").asString()).isEqualTo("urn:ws2:problem:stale-version");
        assertThat(problem.path("recommendationId").asString()).isEqualTo("6.1.2");
        assertThat(problem.path("currentVersion").asLong()).isEqualTo(4);
        for (String id : recommendations) {
            assertThat(priorityDraft("ccNSO", id, editor)).as(id + " still a draft").isTrue();
        }

        assertOk(gateway.post(approval, editor, approvalOfWhatIsRead("ccNSO", List.of("6.1.1", "6.1.2"))));
        assertThat(priorityDraft("ccNSO", "6.1.2", editor)).isFalse();
        assertThat(priorityDraft("ccNSO", "6.1.3", editor)).as("not named, so not approved").isTrue();
        assertOk(gateway.post(approval, editor, approvalOfWhatIsRead("ccNSO", List.of("6.1.3"))));
    }

    /** An approval naming the group's drafts at the versions they have now (their ETags), as an approver reads them. */
    private String approvalOfWhatIsRead(String group, List<String> recommendations) {
        List<String> approve = new ArrayList<>();
        for (String id : recommendations) {
            String version = gateway.etag("/api/groups/" + group + "/assignments/" + id).replaceAll("[^0-9]", "");
            approve.add("{\"recommendationId\":\"" + id + "\",\"version\":" + version + "}");
        }
        return "{\"approve\":[" + String.join(",", approve) + "]}";
    }

    private boolean priorityDraft(String group, String id, String token) {
        HttpResponse<String> assignment = gateway.get("/api/groups/" + group + "/assignments/" + id, token);
        assertThat(assignment.statusCode()).as(assignment.body()).isEqualTo(200);
        return json(assignment).path("priorityDraft").asBoolean();
    }

    private void prioritize(String group, List<String> recommendations) {
        String editor = gateway.token("group-editor", group);
        for (String id : recommendations) {
            String path = "/api/groups/" + group + "/assignments/" + id;
            assertOk(gateway.put(path + "/priority", editor, "{\"priority\":\"HIGH\",\"effort\":\"MODERATE\",\"urgency\":\"MEDIUM\"}",
                    gateway.etag(path)));
        }
    }

    private String stage(String group) {
        HttpResponse<String> stage = gateway.get("/api/groups/" + group + "/stage", null);
        assertThat(stage.statusCode()).as(stage.body()).isEqualTo(200);
        return json(stage).path("stage").asString();
    }
}
