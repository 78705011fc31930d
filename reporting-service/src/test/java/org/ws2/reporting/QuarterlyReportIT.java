package org.ws2.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.reporting.support.JsonArrays.find;
import static org.ws2.reporting.support.JsonArrays.texts;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.ws2.contracts.assignment.Effort;
import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.assignment.Urgency;
import org.ws2.contracts.engagement.EngagementEvents;
import org.ws2.contracts.group.GroupKind;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.reporting.support.ReportingIntegrationTestBase;
import org.ws2.reporting.support.WorldFeed;
import org.ws2.testsupport.TestTokens;
import org.ws2.testsupport.ServiceIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/**
 * (Other tests of this context write their history after 2021, so that the Q2 2021 picture is this
 * class's alone.)
 *
 * The Q2 2021 update's picture written as events with their real dates (on the real topics, consumed
 * into the real database), then every report read over HTTP in every format: as of the quarter's
 * end it says what the deck says; as of 1 April 2021 none of it.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuarterlyReportIT extends ReportingIntegrationTestBase {

    static final List<String> SO_AC_LINES = List.of(
            "ccNSO – has reviewed recs, established priorities and begun implementing.",
            "GAC – has reviewed recs, established priorities and begun implementing.",
            "ALAC – is reviewing and prioritizing.",
            "GNSO Council – has reviewed recs and assigned priorities.",
            "GNSO SG/Cs (RySG, BC) – support team has conducted initial triage; asked to review and sign off.",
            "ASO – support team has conducted initial triage; asked to review and sign off.",
            "RSSAC – support team has conducted initial triage; asked to review and sign off.",
            "SSAC – support team has conducted initial triage; asked to review and sign off.");

    @BeforeAll
    void writeTheQ2Picture() {
        WorldFeed feed = new WorldFeed(kafka);
        Instant jan = Instant.parse("2021-01-15T10:00:00Z");
        for (String[] r : new String[][] { { "1.1", "Diversity", "CO_OWNED" }, { "1.2", "Diversity", "CO_OWNED" },
                { "1.7", "Diversity", "CO_OWNED" }, { "2.3", "Guidelines for Good Faith", "COMMUNITY" },
                { "3.1", "Human Rights FOI", "CO_OWNED" }, { "6.1.1", "SO/AC Accountability", "COMMUNITY" },
                { "6.1.2", "SO/AC Accountability", "COMMUNITY" }, { "6.1.3", "SO/AC Accountability", "COMMUNITY" },
                { "8.1", "Transparency", "ORG" }, { "8.2", "Transparency", "ORG" } }) {
            feed.registerRecommendation(r[0], r[1], Ownership.valueOf(r[2]),
                    r[0].equals("1.2") ? List.of("1.1") : List.of(), jan);
        }
        for (String[] g : new String[][] { { "ccNSO", "ccNSO", "SO" }, { "GNSO-Council", "GNSO Council", "SO" },
                { "ASO", "ASO", "SO" }, { "GAC", "GAC", "AC" }, { "ALAC", "ALAC", "AC" }, { "RSSAC", "RSSAC", "AC" },
                { "SSAC", "SSAC", "AC" }, { "RySG", "RySG", "GNSO_SG" }, { "BC", "BC", "GNSO_C" },
                { "IO", "Implementation Operations", "ORG_FUNCTION" } }) {
            feed.registerGroup(g[0], g[1], GroupKind.valueOf(g[2]), jan);
        }
        List<String> soac = List.of("ccNSO", "GAC", "ALAC", "GNSO-Council", "RySG", "BC", "ASO", "RSSAC", "SSAC");
        List<String> recs = List.of("6.1.1", "6.1.2", "6.1.3");
        for (String g : soac) {
            for (String r : recs) {
                feed.triage(g, r, at("2021-04-20"));
                feed.triageTo(g, r, TriageState.SIGN_OFF_REQUESTED, at("2021-04-22"));
            }
        }
        for (String g : List.of("ccNSO", "GAC", "GNSO-Council")) {
            for (String r : recs) {
                feed.triageTo(g, r, TriageState.SIGNED_OFF, at("2021-05-03"));
                // GAC ranks 6.1.2 LOW where the others rank it HIGH: a divergence the report suggests coordinating.
                feed.prioritize(g, r, g.equals("GAC") && r.equals("6.1.2") ? Priority.LOW : Priority.HIGH,
                        at("2021-05-04"));
                feed.approve(g, r, at("2021-05-05"));
            }
        }
        feed.progress("ccNSO", "6.1.1", Progress.IN_PROGRESS, at("2021-05-20"));
        feed.progress("GAC", "6.1.1", Progress.IN_PROGRESS, at("2021-05-21"));
        for (String r : recs) {
            feed.prioritize("ALAC", r, Priority.MEDIUM, at("2021-05-06"));
        }
        for (String r : List.of("1.1", "1.7", "2.3")) {
            feed.flag(r, CoordinationLevel.REQUIRED, at("2021-05-10"));
        }
        feed.flag("3.1", CoordinationLevel.WOULD_BENEFIT, at("2021-05-10"));
        feed.move("8.2", RecommendationStatus.PLANNING, "2021-Q3", at("2021-04-10"));
        feed.move("8.1", RecommendationStatus.IN_PROGRESS, null, at("2021-03-01"));
        feed.move("8.1", RecommendationStatus.IMPLEMENTED, null, at("2021-06-15"));
        feed.evidence("8.1", "Transparency implementation report", "https://example.org/8.1-report",
                at("2021-06-16"));
        feed.engagement("e-2021-05-07", EngagementEvents.Kind.MEETING, "WS2-IT Meeting - 7 May 2021",
                LocalDate.parse("2021-05-07"), "https://community.icann.org/pages/viewpage.action?pageId=164627115",
                at("2021-05-07"));
        feed.engagement("e-2021-05-25", EngagementEvents.Kind.WEBINAR,
                "ICANN Webinar on Work Stream 2 Implementation - 25 May 2021", LocalDate.parse("2021-05-25"),
                "https://community.icann.org/display/IO/Webinars", at("2021-05-25"));
        // the deck's Engagement line: "webinar conducted in May, ICANN71" (ICANN71 was 14-17 June 2021)
        feed.engagementAt("e-2021-06-15", EngagementEvents.Kind.MEETING, "WS2 implementation session",
                LocalDate.parse("2021-06-15"), "ICANN71", List.of("ALAC", "GAC"), at("2021-06-15"));

        // Everything is in when the last of each family is visible.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode q = quarterlyJson("");
            assertThat(texts(q.path("soacWork"), "sentence")).as(q.toString()).hasSize(SO_AC_LINES.size());
            assertThat(q.path("engagements")).as(q.toString()).hasSize(3);
            assertThat(q.path("evidence")).as(q.toString()).hasSize(1);
            assertThat(q.path("coordinationWouldBenefit")).as(q.toString()).hasSize(1);
            assertThat(q.path("coordinationRequired")).as(q.toString()).hasSize(3);
            assertThat(countOf(q, "GAC", "6.1.1", "IN_PROGRESS")).as(q.toString()).isTrue();
        });
    }

    private static boolean countOf(JsonNode q, String group, String rec, String progress) {
        for (JsonNode row : q.path("matrix")) {
            if (row.path("groupId").asString().equals(group) && row.path("recommendationId").asString().equals(rec)) {
                return row.path("progress").asString().equals(progress);
            }
        }
        return false;
    }

    @Test
    void theQuarterlyReportSaysWhatTheDeckSays() throws Exception {
        JsonNode q = quarterlyJson("");

        assertThat(q.path("quarter").asString()).isEqualTo("2021-Q2");
        assertThat(q.path("asOf").asString()).isEqualTo("2021-06-30T23:59:59.999999Z");
        assertThat(texts(q.path("soacWork"), "sentence")).containsExactlyInAnyOrderElementsOf(SO_AC_LINES);
        assertThat(texts(q.path("coordinationRequired"), "id")).containsExactly("1.1", "1.7", "2.3");
        assertThat(texts(q.path("coordinationWouldBenefit"), "id")).containsExactly("3.1");
        assertThat(texts(q.path("engagements"), "title")).containsExactly("WS2-IT Meeting - 7 May 2021",
                "ICANN Webinar on Work Stream 2 Implementation - 25 May 2021", "WS2 implementation session");
        JsonNode atIcann71 = q.path("engagements").get(2);
        assertThat(atIcann71.path("meeting").asString()).isEqualTo("ICANN71");
        assertThat(atIcann71.path("groupIds").valueStream().map(JsonNode::asString).toList())
                .containsExactly("ALAC", "GAC");
        // items at no ICANN public meeting say so, and name no groups
        assertThat(q.path("engagements").get(0).path("meeting").isNull()).isTrue();
        assertThat(q.path("engagements").get(0).path("groupIds")).isEmpty();
        assertThat(texts(q.path("links"), "url")).containsExactly(
                "https://community.icann.org/pages/viewpage.action?pageId=164627115",
                "https://community.icann.org/display/IO/Webinars");
        assertThat(texts(q.path("newlyComplete"), "id")).containsExactly("8.1");
        assertThat(texts(q.path("evidence"), "url")).containsExactly("https://example.org/8.1-report");
        assertThat(q.path("orgFocus").path("planning").asLong()).isEqualTo(1);
        assertThat(q.path("orgFocus").path("complete").asLong()).isEqualTo(1);
        assertThat(q.path("orgFocus").path("planningTargets").path("2021-Q3").asLong()).isEqualTo(1);
        assertThat(q.path("orgFocus").path("functions").toString()).contains("Implementation Operations");
        assertThat(texts(q.path("coordinationSuggestions"), "id")).containsExactly("6.1.2");
        assertThat(q.path("matrix")).hasSize(27);
        assertThat(q.path("matrixTotal").asInt()).as("all of it: under the documents' cut").isEqualTo(27);
    }

    @Test
    void asOfTheFirstOfAprilNoneOfItHadHappened() throws Exception {
        JsonNode q = quarterlyJson("&asOf=2021-04-01");

        assertThat(q.path("soacWork")).isEmpty();
        assertThat(q.path("coordinationRequired")).isEmpty();
        assertThat(q.path("coordinationWouldBenefit")).isEmpty();
        assertThat(q.path("engagements")).isEmpty();
        assertThat(q.path("links")).isEmpty();
        assertThat(q.path("newlyComplete")).isEmpty();
        assertThat(q.path("matrix")).isEmpty();

        String html = body("/api/reports/quarterly/2021-Q2?asOf=2021-04-01&format=html");
        assertThat(html).contains("No SO/AC work recorded yet.").doesNotContain("ccNSO –");
    }

    @Test
    void htmlIsOnePrintablePageWithTheDecksLines() throws Exception {
        MvcResult result = mvc.perform(get("/api/reports/quarterly/2021-Q2").accept(MediaType.TEXT_HTML))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML)).andReturn();
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("<style>").doesNotContain("<link ").doesNotContain("<script");
        SO_AC_LINES.forEach(line -> assertThat(html).contains(line));
        assertThat(html).contains("1.1 – Recommendation 1.1", "1.7 – Recommendation 1.7", "2.3 – Recommendation 2.3",
                "3.1 – Recommendation 3.1", "WS2-IT Meeting - 7 May 2021",
                "href=\"https://community.icann.org/pages/viewpage.action?pageId=164627115\"",
                "https://community.icann.org/display/IO/Webinars", "https://example.org/8.1-report",
                "WS2 implementation session (Meeting, 2021-06-15, ICANN71) – with ALAC, GAC",
                "<td>Sign-off requested</td>", "<td>Signed off</td>", "<td>High</td>", "<td>In progress</td>");
    }

    @Test
    void pdfIsRenderedFromTheSamePageAndReadsBack() throws Exception {
        MvcResult result = mvc.perform(get("/api/reports/quarterly/2021-Q2?format=pdf"))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF)).andReturn();
        String text = pdfText(result.getResponse().getContentAsByteArray());
        assertThat(text).contains("Implementing Work Stream 2 Recommendations", "Q2 2021",
                "ccNSO – has reviewed recs, established priorities and begun implementing.",
                "ALAC – is reviewing and prioritizing.", "GNSO Council – has reviewed recs and assigned priorities.",
                "1.1 – Recommendation 1.1", "3.1 – Recommendation 3.1", "WS2-IT Meeting - 7 May 2021",
                "ICANN Webinar on Work Stream 2 Implementation - 25 May 2021");
    }

    @Test
    void markdownByAcceptHeader() throws Exception {
        MvcResult result = mvc.perform(get("/api/reports/quarterly/2021-Q2").accept("text/markdown"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/markdown")).andReturn();
        String md = result.getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(md).startsWith("# Implementing Work Stream 2 Recommendations – Q2 2021");
        SO_AC_LINES.forEach(line -> assertThat(md).contains("- " + line + "\n"));
        assertThat(md).contains("- 2.3 – Recommendation 2.3 (Guidelines for Good Faith)",
                "[Meeting materials](https://community.icann.org/display/IO/Webinars)",
                "- WS2 implementation session (Meeting, 2021-06-15, ICANN71) – with ALAC, GAC\n",
                "- WS2-IT Meeting - 7 May 2021 (Meeting, 2021-05-07)\n",
                "- ICANN Webinar on Work Stream 2 Implementation - 25 May 2021 (Webinar, 2021-05-25)\n",
                "| 6.1.1 | ccNSO |  | Signed off | High | In progress |");
    }

    @Test
    void theQuartersEditionListsEachEngagementWithItsIcannMeetingAndGroups() throws Exception {
        String uri = "/api/reports/editions/2021-Q2";
        String support = TestTokens.bearer("support-1", "support-staff");
        mvc.perform(put(uri).header("Authorization", support).contentType(MediaType.APPLICATION_JSON).content("""
                {"groupLines": [], "highlights": [], "workstreams": [], "milestones": [], "asks": [], "aob": [],
                 "contact": "implementationoperations@icann.org"}"""))
                .andExpect(status().isCreated());

        String md = mvc.perform(get(uri + "?format=md").header("Authorization", support)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(md).contains("WS2 implementation session (2021-06-15, ICANN71) – with ALAC, GAC",
                "WS2-IT Meeting - 7 May 2021 (2021-05-07)\n");
    }

    @Test
    void csvHasOneRowPerRecommendationAndGroup() throws Exception {
        String csv = body("/api/reports/quarterly/2021-Q2?format=csv");
        List<List<String>> rows = parseCsv(csv);

        assertThat(rows.get(0)).containsExactly("Recommendation", "Title", "Topic", "Group", "Group kind", "For",
                "Triage", "Priority", "Effort", "Urgency", "Priority draft", "Progress");
        assertThat(rows).hasSize(1 + 27);
        assertThat(rows).contains(List.of("6.1.1", "Recommendation 6.1.1", "SO/AC Accountability", "ccNSO",
                "Supporting Organization", "", "Signed off", "High", "Moderate", "Medium", "No", "In progress"));
        // ALAC's priority is still a draft: not published.
        assertThat(rows).contains(List.of("6.1.3", "Recommendation 6.1.3", "SO/AC Accountability", "ALAC",
                "Advisory Committee", "", "Sign-off requested", "", "", "", "Yes", "Not started"));
    }

    @Test
    void everyFormatPeopleReadSaysItInWordsNotConstants() throws Exception {
        List<String> constants = new ArrayList<>();
        for (Class<? extends Enum<?>> vocabulary : List.<Class<? extends Enum<?>>>of(EngagementEvents.Kind.class,
                TriageState.class, Priority.class, Effort.class, Urgency.class, Progress.class, GroupKind.class)) {
            for (Enum<?> constant : vocabulary.getEnumConstants()) {
                // "SO" and "AC" are the deck's own words ("SO/AC work"), not constants printed
                if (constant.name().length() > 2) {
                    constants.add(constant.name());
                }
            }
        }
        Map<String, String> documents = quarterlyDocuments("2021-Q2");

        documents.forEach((format, document) -> {
            assertThat(document).as(format).contains("Signed off", "In progress", "Not started");
            constants.forEach(constant -> assertThat(document).as(format).doesNotContainPattern("\\b" + constant + "\\b"));
        });
        for (String format : List.of("html", "md", "pdf")) {
            assertThat(documents.get(format)).as(format).contains("(Meeting, 2021-05-07)", "(Webinar, 2021-05-25)");
        }
        assertThat(documents.get("csv")).contains("Sign-off requested", "Supporting Organization");
    }

    @Test
    void badRequestsAreProblems() throws Exception {
        mvc.perform(get("/api/reports/quarterly/2021-Q2?format=docx")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:invalid-input"));
        mvc.perform(get("/api/reports/quarterly/2021-Q2").accept("application/vnd.ms-excel"))
                .andExpect(status().isNotAcceptable());
        mvc.perform(get("/api/reports/quarterly/2021-Q5")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/reports/quarterly/" + (LocalDate.now().getYear() + 1) + "-Q1"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:quarter-in-future"));
        mvc.perform(get("/api/reports/quarterly/2015-Q1")).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:quarter-before-data"));
        mvc.perform(get("/api/reports/progress?asOf=yesterday")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/reports/progress?asOf=2999-01-01")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/reports/matrix?groupKind=CLUB")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/reports/changes?from=2021-07-01&to=2021-04-01")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/reports/changes")).andExpect(status().isBadRequest());
    }

    @Test
    void progressCountsByTopicPortfolioAndStatus() throws Exception {
        JsonNode p = read("/api/reports/progress?asOf=2021-06-30");

        assertThat(p.path("total").asLong()).isEqualTo(10);
        assertThat(p.path("byStatus").path("IMPLEMENTED").asLong()).isEqualTo(1);
        assertThat(p.path("byStatus").path("PLANNING").asLong()).isEqualTo(1);
        assertThat(p.path("byPublicStatus").path("COMPLETE").asLong()).isEqualTo(1);
        assertThat(p.path("byPublicStatus").path("NOT_STARTED").asLong()).isEqualTo(8);
        // Co-owned (1.1, 1.2, 1.7, 3.1) count in both portfolios.
        assertThat(p.path("byPortfolio").path("ORG").path("total").asLong()).isEqualTo(6);
        assertThat(p.path("byPortfolio").path("COMMUNITY").path("total").asLong()).isEqualTo(8);
        assertThat(p.path("byPortfolio").path("CO_OWNED").path("total").asLong()).isEqualTo(4);
        assertThat(texts(p.path("byTopic"), "prefix")).containsExactly("1", "2", "3", "6", "8");
        assertThat(p.path("waiting").get(0).path("id").asString()).isEqualTo("1.2");
        assertThat(p.path("waiting").get(0).path("sentence").asString())
                .isEqualTo("will start after the completion of another recommendation");
        assertThat(texts(p.path("coordination"), "id")).containsExactly("1.1", "1.7", "2.3", "3.1");

        assertThat(read("/api/reports/progress?asOf=2021-04-01").path("coordination")).isEmpty();
    }

    @Test
    void groupsCarryTheirStageSentenceAndCounts() throws Exception {
        JsonNode groups = read("/api/reports/groups?asOf=2021-06-30").path("groups");

        JsonNode ccnso = find(groups, "groupId", "ccNSO");
        assertThat(ccnso.path("stage").asString()).isEqualTo("IMPLEMENTING");
        assertThat(ccnso.path("counts").path("signedOff").asInt()).isEqualTo(3);
        assertThat(ccnso.path("counts").path("inProgress").asInt()).isEqualTo(1);
        assertThat(find(groups, "groupId", "ALAC").path("sentence").asString()).isEqualTo("ALAC – is reviewing and prioritizing.");
        assertThat(find(groups, "groupId", "IO").path("stage").asString()).isEqualTo("NOT_STARTED");
        assertThat(groups.toString()).doesNotContain("@");

        JsonNode before = read("/api/reports/groups?asOf=2021-05-01").path("groups");
        assertThat(find(before, "groupId", "ccNSO").path("stage").asString()).isEqualTo("AWAITING_SIGN_OFF");
    }

    @Test
    void matrixFiltersByTopicAndGroupKind() throws Exception {
        JsonNode rows = read("/api/reports/matrix?asOf=2021-06-30&topic=6.1&groupKind=AC").path("rows");

        assertThat(rows).hasSize(12); // GAC, ALAC, RSSAC, SSAC × 3
        assertThat(texts(rows, "groupKind")).containsOnly("AC");
        JsonNode gac = rows.get(0);
        assertThat(gac.has("triage") && gac.has("priority") && gac.has("progress")).isTrue();
        assertThat(read("/api/reports/matrix?asOf=2021-06-30&topic=Transparency").path("rows")).isEmpty();
    }

    @Test
    void changesInThePeriod() throws Exception {
        JsonNode c = read("/api/reports/changes?from=2021-04-01&to=2021-06-30");

        assertThat(texts(c.path("newlyComplete"), "id")).containsExactly("8.1");
        assertThat(texts(c.path("newlyStarted"), "id")).containsExactly("8.2");
        assertThat(c.path("signOffs")).hasSize(9);
        assertThat(texts(c.path("flagsRaised"), "id")).containsExactly("1.1", "1.7", "2.3", "3.1");
        assertThat(c.path("engagementsHeld")).hasSize(3);

        JsonNode may = read("/api/reports/changes?from=2021-05-08&to=2021-05-24");
        assertThat(may.path("engagementsHeld")).isEmpty();
        assertThat(may.path("signOffs")).isEmpty();
    }

    @Test
    void coordinationShowsPositionsAndSuggestsWhereprioritiesDiverge() throws Exception {
        JsonNode c = read("/api/reports/coordination?asOf=2021-06-30");

        assertThat(texts(c.path("flagged"), "id")).containsExactly("1.1", "1.7", "2.3", "3.1");
        JsonNode suggestion = find(c.path("suggestions"), "id", "6.1.2");
        assertThat(suggestion.path("suggestedLevel").asString()).isEqualTo("WOULD_BENEFIT");
        assertThat(suggestion.path("reason").asString()).contains("ccNSO, GNSO Council rank it high")
                .contains("GAC rank it low");
        assertThat(suggestion.path("positions")).hasSize(9);
        assertThat(c.path("suggestions")).hasSize(1);
    }

    /**
     * Issue 21's programmes: another review's recommendation (ATRT3's), flagged, assigned to ALAC and talked
     * about at an engagement, arrives after WS2's reports were read. Every WS2 report, the default, reads the
     * same to the byte; asked with programme=ATRT3, the reports are ATRT3's alone.
     */
    @Test
    void anotherProgrammesRecommendationLeavesEveryWs2ReportAsItWasToTheByte() throws Exception {
        List<String> ws2Reports = List.of("/api/reports/quarterly/2021-Q2?format=json",
                "/api/reports/quarterly/2021-Q2?format=html", "/api/reports/quarterly/2021-Q2?format=md",
                "/api/reports/quarterly/2021-Q2?format=csv", "/api/reports/progress?asOf=2021-06-30",
                "/api/reports/groups?asOf=2021-06-30", "/api/reports/matrix?asOf=2021-06-30",
                "/api/reports/coordination?asOf=2021-06-30", "/api/reports/changes?from=2021-04-01&to=2021-06-30");
        Map<String, String> before = new LinkedHashMap<>();
        for (String path : ws2Reports) {
            before.put(path, body(path));
        }
        long summaryBefore = read("/api/reports/summary").path("total").asLong();

        WorldFeed feed = new WorldFeed(kafka);
        feed.registerRecommendation("ATRT3-1.1", "Public comment", Ownership.ORG, List.of(), at("2021-04-05"));
        feed.flag("ATRT3-1.1", CoordinationLevel.REQUIRED, at("2021-05-11"));
        feed.move("ATRT3-1.1", RecommendationStatus.IN_PROGRESS, null, at("2021-05-12"));
        feed.triage("ALAC", "ATRT3-1.1", at("2021-05-13"));
        feed.engagementAbout("e-atrt3-2021-06-01", EngagementEvents.Kind.WEBINAR, "ATRT3 public comment webinar",
                LocalDate.parse("2021-06-01"), List.of("ATRT3-1.1"), at("2021-06-01"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode q = read("/api/reports/quarterly/2021-Q2?format=json&programme=ATRT3");
            assertThat(q.path("matrix")).as(q.toString()).hasSize(1);
            assertThat(q.path("engagements")).as(q.toString()).hasSize(1);
            assertThat(q.path("coordinationRequired")).as(q.toString()).hasSize(1);
            assertThat(read("/api/reports/summary?programme=ATRT3").path("total").asLong()).isEqualTo(1);
        });

        for (String path : ws2Reports) {
            assertThat(body(path)).as(path).isEqualTo(before.get(path));
            assertThat(body(path + "&programme=WS2")).as(path + " for WS2 by name").isEqualTo(before.get(path));
        }
        assertThat(read("/api/reports/summary").path("total").asLong()).isEqualTo(summaryBefore);

        JsonNode progress = read("/api/reports/progress?asOf=2021-06-30&programme=ATRT3");
        assertThat(progress.path("total").asLong()).isEqualTo(1);
        assertThat(texts(progress.path("byTopic"), "prefix")).containsExactly("ATRT3-1");
        assertThat(texts(read("/api/reports/matrix?asOf=2021-06-30&programme=ATRT3").path("rows"), "recommendationId"))
                .containsExactly("ATRT3-1.1");
        assertThat(texts(read("/api/reports/coordination?asOf=2021-06-30&programme=ATRT3").path("flagged"), "id"))
                .containsExactly("ATRT3-1.1");
        assertThat(body("/api/reports/quarterly/2021-Q2?format=md&programme=ATRT3"))
                .startsWith("# Implementing ATRT3 Recommendations – ").contains("ATRT3 implementation update")
                .contains("ATRT3 public comment webinar").doesNotContain("WS2-IT Meeting");
        mvc.perform(get("/api/reports/progress?programme=atrt3")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("programme"));
    }

    @Test
    void theSummaryStillAnswers() throws Exception {
        mvc.perform(get("/api/reports/summary")).andExpect(status().isOk()).andExpect(jsonPath("$.total").exists());
    }

    private JsonNode quarterlyJson(String query) throws Exception {
        return read("/api/reports/quarterly/2021-Q2?format=json" + query);
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T12:00:00Z");
    }

    /** Read back with Jackson's CSV reader, not with the code that wrote it. */
    static List<List<String>> parseCsv(String text) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (var it = new CsvMapper().readerForListOf(String.class).with(CsvReadFeature.WRAP_AS_ARRAY)
                .<List<String>>readValues(text)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }
}
