package org.ws2.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.reporting.support.JsonArrays.find;
import static org.ws2.reporting.support.JsonArrays.texts;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.ws2.contracts.assignment.AssignmentScope;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.group.GroupKind;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.reporting.support.ReportingIntegrationTestBase;
import org.ws2.reporting.support.WorldFeed;
import org.ws2.testsupport.ServiceIntegrationTest;
import org.ws2.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * Issue 21: a council hands a recommendation down to its stakeholder groups, and another group judges one of its
 * shares to be for individual groups. Every report counts the handed-down share once, as the children's, and says
 * it in words: the groups' stage sentences and counts, the SO/AC lines, the matrix cell, and every format people
 * read (HTML, Markdown, CSV, PDF, the edition's generated part). This class's history is in 2022-Q3 and its groups
 * and recommendations are its own; other classes' history is in other quarters.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DelegationReportIT extends ReportingIntegrationTestBase {

    static final String SUPPORT = TestTokens.bearer("support-1", "support-staff");
    static final String COUNCIL_LINE =
            "DLG Council – has reviewed recs; handed 5.951 to its stakeholder groups and constituencies.";
    static final String CC_LINE = "DLG cc – has reviewed recs; 5.953 is for individual groups.";

    @BeforeAll
    void writeTheDelegation() {
        WorldFeed feed = new WorldFeed(kafka);
        Instant july = at("2022-07-01");
        for (String r : List.of("5.951", "5.952", "5.953")) {
            feed.registerRecommendation(r, "Office of the Ombuds", Ownership.COMMUNITY, List.of(), july);
        }
        feed.registerGroup("DLG-SO", "DLG SO", GroupKind.SO, july);
        feed.registerGroup("DLG-Council", "DLG Council", GroupKind.SO, "DLG-SO", july);
        feed.registerGroup("DLG-SG1", "DLG SG one", GroupKind.GNSO_SG, "DLG-SO", july);
        feed.registerGroup("DLG-SG2", "DLG SG two", GroupKind.GNSO_SG, "DLG-SO", july);
        feed.registerGroup("DLG-cc", "DLG cc", GroupKind.SO, july);

        feed.triage("DLG-Council", "5.951", at("2022-07-04"));
        feed.triage("DLG-Council", "5.952", at("2022-07-04"));
        feed.triage("DLG-cc", "5.953", at("2022-07-04"));
        // still awaiting sign-off when handed down: counted as the council's own, it would hold the council back
        feed.triageTo("DLG-Council", "5.951", TriageState.SIGN_OFF_REQUESTED, at("2022-07-05"));
        feed.triageTo("DLG-Council", "5.952", TriageState.SIGN_OFF_REQUESTED, at("2022-07-05"));
        feed.triageTo("DLG-Council", "5.952", TriageState.SIGNED_OFF, at("2022-07-06"));
        feed.triageTo("DLG-cc", "5.953", TriageState.SIGN_OFF_REQUESTED, at("2022-07-05"));
        feed.triageTo("DLG-cc", "5.953", TriageState.SIGNED_OFF, at("2022-07-06"));
        // the council hands 5.951 to its stakeholder groups: each is triaged it, and the council's share says so
        feed.triage("DLG-SG1", "5.951", at("2022-07-07"));
        feed.triage("DLG-SG2", "5.951", at("2022-07-07"));
        feed.scope("DLG-Council", "5.951", AssignmentScope.CHILDREN, List.of("DLG-SG1", "DLG-SG2"), at("2022-07-07"));
        // the cc judges 5.953 to be for individual groups, without handing it to anyone
        feed.scope("DLG-cc", "5.953", AssignmentScope.CHILDREN, List.of(), at("2022-07-08"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode q = read("/api/reports/quarterly/2022-Q3");
            assertThat(texts(q.path("soacWork"), "sentence")).contains(COUNCIL_LINE, CC_LINE);
        });
    }

    @Test
    void theCouncilsStageAndCountsAreItsOwnWorkAndItsChildrenCountWhatItHandedDown() throws Exception {
        JsonNode groups = read("/api/reports/groups?asOf=2022-09-30").path("groups");

        JsonNode council = find(groups, "groupId", "DLG-Council");
        assertThat(council.path("stage").asString()).isEqualTo("REVIEWED");
        assertThat(council.path("sentence").asString()).isEqualTo(COUNCIL_LINE);
        assertThat(council.path("counts").path("assignments").asInt()).isEqualTo(1);
        assertThat(council.path("counts").path("signOffRequested").asInt()).isZero();
        assertThat(council.path("counts").path("handedDown").asInt()).isEqualTo(1);
        for (String child : List.of("DLG-SG1", "DLG-SG2")) {
            JsonNode line = find(groups, "groupId", child);
            assertThat(line.path("counts").path("assignments").asInt()).as(child).isEqualTo(1);
            assertThat(line.path("stage").asString()).as(child).isEqualTo("TRIAGED");
        }
        // 5.951 is worked on by the two children: two shares in all the groups' counts, not three
        int shares = 0;
        for (JsonNode g : groups) {
            if (g.path("groupId").asString().startsWith("DLG-")) {
                shares += g.path("counts").path("assignments").asInt();
            }
        }
        assertThat(shares).isEqualTo(4); // council 5.952, SG1 5.951, SG2 5.951, cc 5.953

        JsonNode cc = find(groups, "groupId", "DLG-cc");
        assertThat(cc.path("sentence").asString()).isEqualTo(CC_LINE);
        assertThat(cc.path("counts").path("assignments").asInt()).isEqualTo(1);
        assertThat(cc.path("counts").path("handedDown").asInt()).isZero();

        // before the hand-down the council was held back by 5.951, awaiting its sign-off
        JsonNode before = read("/api/reports/groups?asOf=2022-07-06T18:00:00Z").path("groups");
        assertThat(find(before, "groupId", "DLG-Council").path("stage").asString()).isEqualTo("AWAITING_SIGN_OFF");
    }

    @Test
    void theMatrixShowsTheCouncilsShareAsHandedDownAndTheChildrensAsTheirs() throws Exception {
        JsonNode rows = read("/api/reports/matrix?asOf=2022-09-30&topic=5.951").path("rows");

        assertThat(texts(rows, "groupId")).containsExactlyInAnyOrder("DLG-Council", "DLG-SG1", "DLG-SG2");
        JsonNode council = find(rows, "groupId", "DLG-Council");
        assertThat(council.path("scope").asString()).isEqualTo("CHILDREN");
        assertThat(texts(council.path("delegatedTo"))).containsExactly("DLG-SG1", "DLG-SG2");
        assertThat(council.path("forWhom").asString()).isEqualTo("Handed to DLG SG one, DLG SG two");
        assertThat(find(rows, "groupId", "DLG-SG1").path("forWhom").asString()).isEmpty();
        assertThat(find(read("/api/reports/matrix?asOf=2022-09-30&topic=5.953").path("rows"), "groupId", "DLG-cc")
                .path("forWhom").asString()).isEqualTo("Its child groups");
    }

    @Test
    void everyFormatSaysItInWordsAndAgrees() throws Exception {
        Map<String, String> documents = quarterlyDocuments("2022-Q3");
        documents.forEach((format, document) -> {
            // a table cell may wrap in the PDF, its lines read between other cells': there, its first word
            assertThat(document).as(format).contains(format.equals("pdf") ? "Handed" : "Handed to DLG SG one, DLG SG two");
            assertThat(document).as(format).doesNotContainPattern("\\bCHILDREN\\b");
        });
        assertThat(documents.get("html")).contains("Its child groups");
        for (String format : List.of("html", "md", "pdf")) {
            assertThat(documents.get(format)).as(format)
                    .contains("handed 5.951 to its stakeholder groups and constituencies", "5.953 is for individual groups");
        }
        assertThat(QuarterlyReportIT.parseCsv(documents.get("csv"))).contains(List.of("5.951", "Recommendation 5.951",
                "Office of the Ombuds", "DLG Council", "Supporting Organization", "Handed to DLG SG one, DLG SG two",
                "Sign-off requested", "", "", "", "No", "Not started"));

        // the edition's generated part carries the same sentences
        mvc.perform(put("/api/reports/editions/2022-Q3").header("Authorization", SUPPORT)
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"groupLines": [{"groupId": "DLG-Council", "text": "recognizes that much of the implementation is for its SG/Cs"}]}"""))
                .andExpect(status().isCreated());
        String edition = mvc.perform(get("/api/reports/editions/2022-Q3?format=md").header("Authorization", SUPPORT))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(edition).contains("handed 5.951 to its stakeholder groups and constituencies",
                "5.953 is for individual groups", "recognizes that much of the implementation is for its SG/Cs");
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T12:00:00Z");
    }
}
