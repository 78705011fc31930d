package org.ws2.reporting.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.ws2.contracts.Topics;
import org.ws2.contracts.group.GroupKind;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.reporting.report.Quarter;
import org.ws2.reporting.support.ReportingIntegrationTestBase;
import org.ws2.reporting.support.WorldFeed;
import org.ws2.testsupport.EventSchemas;
import org.ws2.testsupport.ServiceIntegrationTest;
import org.ws2.testsupport.TestTokens;
import org.ws2.testsupport.TopicProbe;

import tools.jackson.databind.JsonNode;

/**
 * Quarterly update editions over HTTP against the real database and topics. The history here is written in 2024
 * (other tests of this context keep to 2021-2023), and each test works on a quarter of its own.
 */
@ServiceIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditionsIT extends ReportingIntegrationTestBase {

    static final String SUPPORT = TestTokens.bearer("support-1", "support-staff");
    static final String ADMIN = TestTokens.bearer("admin-1", "admin");
    static final String EDITOR = TestTokens.bearer("editor-1", "group-editor", "ED-SO");
    static final String SECTIONS = """
            {"groupLines": [{"groupId": "ED-SO", "text": "has begun implementing those recs it believes are for individual groups"}],
             "highlights": ["Webinar held for the community"],
             "workstreams": [{"name": "Engagement", "status": "Underway"}, {"name": "Reporting", "status": "Quarterly"}],
             "milestones": [{"name": "Implementation planning", "targetQuarter": "2024-Q1", "status": "IN_PROGRESS"},
                            {"name": "Documenting implementation", "targetQuarter": "2026-Q4", "status": "NOT_STARTED"}],
             "asks": ["Review and sign off the triage"],
             "aob": ["Next update in October"],
             "contact": "ws2-implementation@icann.example"}""";

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    WorldFeed feed;

    @BeforeAll
    void writeHistory() {
        feed = new WorldFeed(kafka);
        Instant january = Instant.parse("2024-01-02T10:00:00Z");
        feed.registerRecommendation("7.901", "Edition topic", Ownership.ORG, List.of(), january);
        feed.registerRecommendation("7.902", "Edition topic", Ownership.COMMUNITY, List.of(), january);
        feed.registerRecommendation("7.903", "Edition topic", Ownership.CO_OWNED, List.of(), january);
        feed.registerGroup("ED-SO", "Edition SO", GroupKind.SO, january);
        feed.registerGroup("ED-ORG-A", "Edition Function A", GroupKind.ORG_FUNCTION, january);
        feed.registerGroup("ED-ORG-B", "Edition Function B", GroupKind.ORG_FUNCTION, january);
        feed.triage("ED-SO", "7.902", Instant.parse("2024-01-10T10:00:00Z"));
        feed.triage("ED-ORG-A", "7.901", Instant.parse("2024-07-11T10:00:00Z"));
        feed.move("7.901", RecommendationStatus.IN_PROGRESS, null, Instant.parse("2024-08-01T10:00:00Z"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode q = read("/api/reports/quarterly/2024-Q3");
            assertThat(q.path("soacWork").toString()).contains("ED-SO");
            assertThat(q.path("orgFocus").path("underway").asLong()).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void aDraftIsWrittenBySupportReviewedAndPublishedByAnAdminOnly() throws Exception {
        String uri = "/api/reports/editions/2024-Q3";
        mvc.perform(put(uri).contentType(MediaType.APPLICATION_JSON).content(SECTIONS)).andExpect(status().isUnauthorized());
        mvc.perform(put(uri).header("Authorization", EDITOR).contentType(MediaType.APPLICATION_JSON).content(SECTIONS))
                .andExpect(status().isForbidden());
        mvc.perform(put(uri).header("Authorization", SUPPORT).contentType(MediaType.APPLICATION_JSON).content(SECTIONS))
                .andExpect(status().isCreated()).andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.status").value("DRAFT"));

        // a draft is the team's, not published data
        mvc.perform(get(uri)).andExpect(status().isNotFound());
        assertThat(read("/api/reports/editions").toString()).doesNotContain("2024-Q3");
        JsonNode draft = json.readTree(mvc.perform(get(uri).header("Authorization", SUPPORT)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.path("revision").asInt()).isZero();

        mvc.perform(put(uri).header("Authorization", SUPPORT).contentType(MediaType.APPLICATION_JSON).content(SECTIONS))
                .andExpect(status().isPreconditionRequired());
        mvc.perform(put(uri).header("Authorization", SUPPORT).header("If-Match", "\"7\"")
                .contentType(MediaType.APPLICATION_JSON).content(SECTIONS)).andExpect(status().isPreconditionFailed());
        mvc.perform(put(uri).header("Authorization", SUPPORT).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content(SECTIONS)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"2\""));
        mvc.perform(post(uri + "/review").header("Authorization", SUPPORT)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"));
        mvc.perform(put(uri).header("Authorization", SUPPORT).header("If-Match", "\"3\"")
                .contentType(MediaType.APPLICATION_JSON).content(SECTIONS)).andExpect(status().isConflict());
        mvc.perform(post(uri + "/draft").header("Authorization", SUPPORT)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"));
        mvc.perform(post(uri + "/review").header("Authorization", SUPPORT)).andExpect(status().isOk());
        mvc.perform(post(uri + "/publish").header("Authorization", SUPPORT)).andExpect(status().isForbidden());
        mvc.perform(post(uri + "/publish").header("Authorization", ADMIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED")).andExpect(jsonPath("$.revision").value(1));

        JsonNode published = read(uri);
        assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
        assertThat(published.path("revisions")).hasSize(1);
        assertThat(published.path("url").asString()).isEqualTo("http://localhost:8080/reports/2024-Q3");
        assertThat(published.path("asOf").asString()).startsWith("2024-09-30T23:59:59");
        // ICANN's headline: co-owned 7.903 counts in both portfolios
        assertThat(published.at("/headline/org/inProgress").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(published.at("/facts/orgFocus/functions").toString()).contains("Edition Function A")
                .doesNotContain("Edition Function B");
        assertThat(published.at("/facts/matrix")).isEmpty();
        JsonNode soLine = findSoac(published, "ED-SO");
        assertThat(soLine.path("editorial").get(0).asString()).startsWith("has begun implementing");
        JsonNode milestones = published.path("milestones");
        assertThat(milestones.get(0).path("late").asBoolean()).isTrue();
        assertThat(milestones.get(1).path("late").asBoolean()).isFalse();
        assertThat(read("/api/reports/editions").toString()).contains("2024-Q3");
    }

    @Test
    void aPublishedEditionIsFrozenAndACorrectionIsANewRevision() throws Exception {
        String uri = "/api/reports/editions/2024-Q4";
        try (TopicProbe topic = new TopicProbe(bootstrapServers, Topics.REPORTS)) {
            publish("2024-Q4");
            JsonNode first = read(uri);
            String firstMarkdown = body(uri + "?format=md");
            assertThat(first.at("/facts/newlyComplete").toString()).doesNotContain("7.901");

            // a back-dated change, effective in the quarter, learnt after publishing
            feed.move("7.901", RecommendationStatus.IMPLEMENTED, null, Instant.parse("2024-11-15T10:00:00Z"));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                    assertThat(read("/api/reports/quarterly/2024-Q4").path("newlyComplete").toString()).contains("7.901"));

            assertThat(read(uri).path("facts")).isEqualTo(first.path("facts"));
            assertThat(read(uri).path("headline")).isEqualTo(first.path("headline"));
            assertThat(body(uri + "?format=md")).isEqualTo(firstMarkdown);

            mvc.perform(post(uri + "/corrections").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"note\": \"7.901 was completed on 15 November\"}"))
                    .andExpect(status().isCreated()).andExpect(jsonPath("$.revision").value(2));
            JsonNode second = read(uri);
            assertThat(second.path("revision").asInt()).isEqualTo(2);
            assertThat(second.path("correctionNote").asString()).isEqualTo("7.901 was completed on 15 November");
            assertThat(second.path("revisions")).hasSize(2);
            assertThat(second.at("/facts/newlyComplete").toString()).contains("7.901");
            assertThat(body(uri + "?format=md")).contains("7.901 was completed on 15 November");
            JsonNode revisionOne = read(uri + "?revision=1");
            assertThat(revisionOne.path("facts")).isEqualTo(first.path("facts"));
            assertThat(body(uri + "?format=md&revision=1")).isEqualTo(firstMarkdown);

            List<ConsumerRecord<String, String>> events = topic.await("2024-Q4", records -> records.size() >= 2,
                    Duration.ofSeconds(30));
            List<Integer> revisions = new ArrayList<>();
            for (ConsumerRecord<String, String> record : events) {
                EventSchemas.assertConforms(record.value());
                JsonNode event = json.readTree(record.value());
                assertThat(event.path("type").asString()).isEqualTo("org.ws2.report.edition-published.v1");
                assertThat(event.at("/data/url").asString()).isEqualTo("http://localhost:8080/reports/2024-Q4");
                revisions.add(event.at("/data/revision").asInt());
            }
            assertThat(revisions).containsExactly(1, 2);
        }

        Document atom = DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(mvc.perform(get("/api/reports/editions.atom")).andExpect(status().isOk())
                        .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/atom+xml")))
                        .andReturn().getResponse().getContentAsByteArray()));
        Element feedRoot = atom.getDocumentElement();
        assertThat(feedRoot.getLocalName()).isEqualTo("feed");
        assertThat(feedRoot.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        NodeList entries = feedRoot.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            ids.add(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id").item(0).getTextContent());
            assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "updated").getLength()).isEqualTo(1);
            assertThat(entry.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "title").getLength()).isEqualTo(1);
        }
        assertThat(ids).contains("http://localhost:8080/reports/2024-Q4?revision=1",
                "http://localhost:8080/reports/2024-Q4?revision=2");
    }

    @Test
    void badInputIsAProblemAndChangesNothing() throws Exception {
        write("/api/reports/editions/2024-Q5", SUPPORT, null).andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"));
        write("/api/reports/editions/next-quarter", SUPPORT, null).andExpect(status().isBadRequest());
        write("/api/reports/editions/2099-Q1", SUPPORT, null).andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/reports/editions/2099-Q1").header("Authorization", SUPPORT)).andExpect(status().isNotFound());
        write("/api/reports/editions/2024-Q1", SUPPORT, null, SECTIONS.replace("\"ED-SO\"", "\"NO-SUCH-GROUP\""))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("sections.groupLines[0].groupId"));
        write("/api/reports/editions/2024-Q1", SUPPORT, null, SECTIONS.replace("\"2024-Q1\"", "\"soon\""))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/reports/editions/2024-Q1").header("Authorization", SUPPORT)).andExpect(status().isNotFound());

        write("/api/reports/editions/2024-Q1", SUPPORT, null).andExpect(status().isCreated());
        mvc.perform(post("/api/reports/editions/2024-Q1/publish").header("Authorization", ADMIN))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/reports/editions/2024-Q1/review").header("Authorization", SUPPORT)).andExpect(status().isOk());
        mvc.perform(post("/api/reports/editions/2024-Q1/publish").header("Authorization", ADMIN)).andExpect(status().isOk());
        String before = body("/api/reports/editions/2024-Q1");
        long version = json.readTree(before).path("version").asLong();
        mvc.perform(post("/api/reports/editions/2024-Q1/publish").header("Authorization", ADMIN))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("edition-already-published")));
        write("/api/reports/editions/2024-Q1", SUPPORT, "\"" + version + "\"").andExpect(status().isConflict());
        mvc.perform(post("/api/reports/editions/2024-Q1/corrections").header("Authorization", ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\": \" \"}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/reports/editions/2024-Q1/corrections").header("Authorization", SUPPORT)
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"x\"}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/reports/editions/2024-Q1?revision=2")).andExpect(status().isNotFound());
        mvc.perform(get("/api/reports/editions/2024-Q1?format=docx")).andExpect(status().isBadRequest());
        assertThat(body("/api/reports/editions/2024-Q1")).isEqualTo(before);
    }

    @Test
    void theSavedSectionsComeBackAsSentEvenForSomeGroupsOfASharedSentence() throws Exception {
        // two GNSO constituencies at the same stage share one stage sentence; the team writes a line for the second only
        Instant january = Instant.parse("2025-01-02T10:00:00Z");
        feed.registerGroup("ED-C1", "Edition Constituency One", GroupKind.GNSO_C, january);
        feed.registerGroup("ED-C2", "Edition Constituency Two", GroupKind.GNSO_C, january);
        feed.triage("ED-C1", "7.902", Instant.parse("2025-01-10T10:00:00Z"));
        feed.triage("ED-C2", "7.902", Instant.parse("2025-01-10T10:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(findSoac(read("/api/reports/quarterly/2025-Q1"), "ED-C2").path("groupIds").toString())
                        .contains("ED-C1"));
        String uri = "/api/reports/editions/2025-Q1";
        String sent = SECTIONS.replace("""
                [{"groupId": "ED-SO", "text": "has begun implementing those recs it believes are for individual groups"}]""",
                """
                [{"groupId": "ED-C2", "text": "Two has a line; One has none"},
                 {"groupId": "ED-SO", "text": "has begun implementing those recs it believes are for individual groups"}]""");
        write(uri, SUPPORT, null, sent).andExpect(status().isCreated());

        for (String reader : List.of(SUPPORT, ADMIN)) {
            JsonNode draft = json.readTree(mvc.perform(get(uri).header("Authorization", reader)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(draft.path("sections")).as("the sections as PUT took them").isEqualTo(json.readTree(sent));
            assertThat(findSoac(draft, "ED-C2").path("editorial").toString()).contains("Two has a line");
        }

        mvc.perform(post(uri + "/review").header("Authorization", SUPPORT)).andExpect(status().isOk());
        mvc.perform(post(uri + "/publish").header("Authorization", ADMIN)).andExpect(status().isOk());
        assertThat(read(uri).has("sections")).as("a reader gets the published content, frozen").isFalse();
        mvc.perform(get(uri).header("Authorization", ADMIN)).andExpect(status().isOk())
                .andExpect(jsonPath("$.sections.groupLines[0].groupId").value("ED-C2"));
    }

    @Test
    void theProgrammeMilestonesAreTheNewestPublishedEditionsAndLateIsJudgedToday() throws Exception {
        // 2025-Q2 is the newest quarter any test of this context publishes; 2025-Q3 stays a draft
        String uri = "/api/reports/editions/2025-Q2";
        String milestones = """
                {"milestones": [{"name": "Implementation planning", "targetQuarter": "2025-Q4", "status": "IN_PROGRESS"},
                                {"name": "Reporting framework", "targetQuarter": "2025-Q1", "status": "COMPLETE"},
                                {"name": "Documenting implementation", "targetQuarter": "2099-Q4", "status": "NOT_STARTED"}]}""";
        write(uri, SUPPORT, null, milestones).andExpect(status().isCreated());
        mvc.perform(post(uri + "/review").header("Authorization", SUPPORT)).andExpect(status().isOk());
        mvc.perform(post(uri + "/publish").header("Authorization", ADMIN)).andExpect(status().isOk());
        write("/api/reports/editions/2025-Q3", SUPPORT, null, """
                {"milestones": [{"name": "Only a draft's", "targetQuarter": "2025-Q3", "status": "NOT_STARTED"}]}""")
                .andExpect(status().isCreated());

        JsonNode now = read("/api/reports/milestones");

        assertThat(now.at("/edition/quarter").asString()).isEqualTo("2025-Q2");
        assertThat(now.at("/edition/label").asString()).isEqualTo("Q2 2025");
        assertThat(now.at("/edition/revision").asInt()).isEqualTo(1);
        assertThat(now.at("/edition/url").asString()).isEqualTo("http://localhost:8080/reports/2025-Q2");
        assertThat(now.path("currentQuarter").asString()).isEqualTo(Quarter.containing(Instant.now()).toString());
        assertThat(now.path("milestones").valueStream().map(m -> m.path("name").asString() + " | "
                + m.path("targetLabel").asString() + " | " + m.path("status").asString() + " | " + m.path("late").asBoolean()))
                .containsExactly("Implementation planning | Q4 2025 | IN_PROGRESS | true",
                        "Reporting framework | Q1 2025 | COMPLETE | false",
                        "Documenting implementation | Q4 2099 | NOT_STARTED | false");
        // the edition, frozen as of its quarter's end, says it was not late then
        assertThat(read(uri).at("/milestones/0/late").asBoolean()).isFalse();

        mvc.perform(post(uri + "/corrections").header("Authorization", ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"note\": \"Planning is complete\", \"sections\": " + milestones.replace("IN_PROGRESS", "COMPLETE")
                        + "}")).andExpect(status().isCreated());
        JsonNode corrected = read("/api/reports/milestones");
        assertThat(corrected.at("/edition/revision").asInt()).isEqualTo(2);
        assertThat(corrected.at("/milestones/0/status").asString()).isEqualTo("COMPLETE");
        assertThat(corrected.at("/milestones/0/late").asBoolean()).isFalse();
    }

    @Test
    void aPublishedEditionIsReadInEveryFormat() throws Exception {
        publish("2024-Q2");
        String uri = "/api/reports/editions/2024-Q2";
        assertThat(body(uri + "?format=html")).contains("<h2>Highlights</h2>", "Webinar held for the community",
                "has begun implementing those recs");
        assertThat(body(uri + "?format=md")).contains("## Highlights", "- Webinar held for the community",
                "## Contact", "ws2-implementation@icann.example");

        byte[] pdf = bytes(uri + "?format=pdf", "application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Highlights", "Programme milestones",
                    "Webinar held for the community");
        }

        byte[] pptx = bytes(uri + "?format=pptx",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation");
        try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
            List<String> titles = deck.getSlides().stream().map(XSLFSlide::getTitle).toList();
            assertThat(titles.get(0)).isEqualTo("Implementing Work Stream 2 Recommendations – Q2 2024");
            assertThat(titles.subList(1, titles.size()).stream().map(t -> t.replace(" (continued)", "")).distinct())
                    .containsExactlyElementsOf(EditionOutline.SECTION_TITLES);
            XSLFSlide highlights = deck.getSlides().stream().filter(s -> "Highlights".equals(s.getTitle())).findFirst()
                    .orElseThrow();
            assertThat(highlights.getPlaceholder(1).getText()).contains("Webinar held for the community");
        }
    }

    private void publish(String quarter) throws Exception {
        String uri = "/api/reports/editions/" + quarter;
        write(uri, SUPPORT, null).andExpect(status().isCreated());
        mvc.perform(post(uri + "/review").header("Authorization", SUPPORT)).andExpect(status().isOk());
        mvc.perform(post(uri + "/publish").header("Authorization", ADMIN)).andExpect(status().isOk());
    }

    private ResultActions write(String uri, String bearer, String ifMatch) throws Exception {
        return write(uri, bearer, ifMatch, SECTIONS);
    }

    private ResultActions write(String uri, String bearer, String ifMatch, String body) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(uri)
                .header("Authorization", bearer).contentType(MediaType.APPLICATION_JSON).content(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    private byte[] bytes(String uri, String contentType) throws Exception {
        return mvc.perform(get(uri)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", contentType)).andReturn().getResponse().getContentAsByteArray();
    }

    private static JsonNode findSoac(JsonNode edition, String groupId) {
        for (JsonNode line : edition.path("soacWork")) {
            for (JsonNode id : line.path("groupIds")) {
                if (id.asString().equals(groupId)) {
                    return line;
                }
            }
        }
        throw new AssertionError("no SO/AC line for " + groupId + " in " + edition.path("soacWork"));
    }
}
