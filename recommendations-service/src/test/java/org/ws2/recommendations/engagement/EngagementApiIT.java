package org.ws2.recommendations.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.ws2.contracts.Topics;
import org.ws2.contracts.engagement.EngagementEvents;
import org.ws2.testsupport.EventSchemas;
import org.ws2.testsupport.ServiceIntegrationTest;
import org.ws2.testsupport.TopicProbe;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The engagement log against a real PostgreSQL and Kafka: the two seeded Q2 2021 items, recording,
 * reading, filtering, replacing with If-Match, removal, who may write, input that is refused
 * without changing anything, and the event each change puts on {@code ws2.engagements.v1}. The
 * context and database are shared, so each test works on its own items and its own dates.
 */
@ServiceIntegrationTest
class EngagementApiIT {

    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Duration EVENT_WAIT = Duration.ofSeconds(20);
    private static final String MEETING_ID = EngagementSeed.idOf("2021-05-07-ws2-it-meeting").toString();
    private static final String WEBINAR_ID = EngagementSeed.idOf("2021-05-25-icann-webinar-ws2-implementation")
            .toString();

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EngagementSeed seed;
    // this context's own broker: another cached context (e.g. DatabaseOutageIT's) re-points the
    // spring.kafka.bootstrap-servers system property at its broker when it starts
    @Value("#{@embeddedKafka.brokersAsString}")
    String kafka;

    @Test
    void theTwoItemsOfTheQ2Update2021AreSeededOnceAndAnnounced() throws Exception {
        mvc.perform(get("/api/engagements").param("from", "2021-05-01").param("to", "2021-05-31"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(50))
                .andExpect(jsonPath("$.items[0].id").value(WEBINAR_ID))
                .andExpect(jsonPath("$.items[0].kind").value("WEBINAR"))
                .andExpect(jsonPath("$.items[0].heldOn").value("2021-05-25"))
                .andExpect(jsonPath("$.items[0].links[0].url").value("https://community.icann.org/display/IO/Webinars"))
                .andExpect(jsonPath("$.items[1].id").value(MEETING_ID))
                .andExpect(jsonPath("$.items[1].kind").value("MEETING"))
                .andExpect(jsonPath("$.items[1].title").value("WS2-IT Meeting - 7 May 2021"))
                .andExpect(jsonPath("$.items[1].heldOn").value("2021-05-07"));
        mvc.perform(get("/api/engagements/" + MEETING_ID))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.links[0].title").value("Meeting materials"))
                .andExpect(jsonPath("$.links[0].url")
                        .value("https://community.icann.org/pages/viewpage.action?pageId=164627115"))
                .andExpect(jsonPath("$.createdBy").value(org.hamcrest.Matchers.nullValue())) // names: signed in only
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(get("/api/engagements/" + MEETING_ID).with(as("rita.reader", "group-editor")))
                .andExpect(jsonPath("$.createdBy").value(EngagementSeed.ACTOR));

        try (TopicProbe topic = new TopicProbe(kafka, Topics.ENGAGEMENTS)) {
            String recorded = only(topic.await(WEBINAR_ID, records -> !records.isEmpty(), EVENT_WAIT));
            EventSchemas.assertConforms(recorded);
            JsonNode event = read(recorded);
            assertThat(event.path("type").asString()).isEqualTo(EngagementEvents.RECORDED);
            assertThat(event.path("source").asString()).isEqualTo("/ws2/recommendations-service");
            assertThat(event.path("aggregateversion").asLong()).isZero();
            assertThat(event.path("data").path("engagement").path("title").asString())
                    .isEqualTo("ICANN Webinar on Work Stream 2 Implementation - 25 May 2021");
        }

        seed.run(null);
        assertThat(jdbc.sql("SELECT count(*) FROM engagement WHERE created_by = :seed")
                .param("seed", EngagementSeed.ACTOR).query(Long.class).single()).isEqualTo(2);
        assertThat(outboxEvents(MEETING_ID)).isEqualTo(1);
    }

    @Test
    void supportStaffRecordAnItemThatIsReadBackAndAnnounced() throws Exception {
        MvcResult created = mvc.perform(post("/api/engagements").with(as("alice", "support-staff"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("WEBINAR", "Diversity webinar", "2030-03-04",
                        "[{\"title\":\"Slides\",\"url\":\"https://example.org/slides.pdf\"},"
                                + "{\"title\":\"Recording\",\"url\":\"HTTP://example.org/rec?id=1#t=5\"}]",
                        "[\"1.1\",\"1.7\",\"1.1\"]")))
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.kind").value("WEBINAR"))
                .andExpect(jsonPath("$.title").value("Diversity webinar"))
                .andExpect(jsonPath("$.heldOn").value("2030-03-04"))
                .andExpect(jsonPath("$.links.length()").value(2))
                .andExpect(jsonPath("$.recommendationIds.length()").value(2))
                .andExpect(jsonPath("$.recommendationIds[0]").value("1.1"))
                .andExpect(jsonPath("$.recommendationIds[1]").value("1.7"))
                .andExpect(jsonPath("$.createdBy").value("alice"))
                .andExpect(jsonPath("$.updatedBy").value("alice"))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn();
        String id = read(created.getResponse().getContentAsString()).path("id").asString();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/engagements/" + id);

        mvc.perform(get("/api/engagements/" + id))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.description").value("About the webinar"))
                .andExpect(jsonPath("$.links[1].url").value("HTTP://example.org/rec?id=1#t=5"))
                .andExpect(jsonPath("$.createdAt").isNotEmpty());

        try (TopicProbe topic = new TopicProbe(kafka, Topics.internal(Topics.ENGAGEMENTS))) {
            String recorded = only(topic.await(id, records -> !records.isEmpty(), EVENT_WAIT));
            EventSchemas.assertConforms(recorded);
            JsonNode event = read(recorded);
            assertThat(event.path("type").asString()).isEqualTo(EngagementEvents.RECORDED);
            assertThat(event.path("subject").asString()).isEqualTo(id);
            assertThat(event.path("aggregateversion").asLong()).isZero();
            assertThat(event.path("data").path("actor").asString()).isEqualTo("alice");
            JsonNode engagement = event.path("data").path("engagement");
            assertThat(engagement.path("id").asString()).isEqualTo(id);
            assertThat(engagement.path("recommendationIds").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("1.1", "1.7");
            assertThat(engagement.path("links").get(0).path("url").asString())
                    .isEqualTo("https://example.org/slides.pdf");
            assertThat(engagement.path("removed").asBoolean()).isFalse();
        }
    }

    @Test
    void anItemNamesTheIcannMeetingAndTheGroupsInvolvedAndItsEventsCarryThem() throws Exception {
        MvcResult created = mvc.perform(post("/api/engagements").with(as("alice", "support-staff"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(withMeeting(body("MEETING", "WS2 session at ICANN71", "2036-06-15", "[]", "[\"1.1\"]"),
                        "\" ICANN71 \"", "[\"ALAC\",\"GAC\"]")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.meeting").value("ICANN71"))
                .andExpect(jsonPath("$.groupIds.length()").value(2))
                .andExpect(jsonPath("$.groupIds[0]").value("ALAC"))
                .andExpect(jsonPath("$.groupIds[1]").value("GAC"))
                .andReturn();
        String id = read(created.getResponse().getContentAsString()).path("id").asString();
        mvc.perform(get("/api/engagements/" + id))
                .andExpect(jsonPath("$.meeting").value("ICANN71"))
                .andExpect(jsonPath("$.groupIds[1]").value("GAC"));
        // an item recorded without them names no meeting and no groups
        String plain = create("MEETING", "No meeting", "2036-06-16", "[]");
        mvc.perform(get("/api/engagements/" + plain))
                .andExpect(jsonPath("$.meeting").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.groupIds.length()").value(0));

        try (TopicProbe topic = new TopicProbe(kafka, Topics.internal(Topics.ENGAGEMENTS))) {
            String recorded = only(topic.await(id, records -> !records.isEmpty(), EVENT_WAIT));
            EventSchemas.assertConforms(recorded);
            JsonNode engagement = read(recorded).path("data").path("engagement");
            assertThat(engagement.path("meeting").asString()).isEqualTo("ICANN71");
            assertThat(engagement.path("groupIds").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("ALAC", "GAC");
        }

        mvc.perform(put("/api/engagements/" + id).with(as("bob", "admin")).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(withMeeting(body("MEETING", "WS2 session at ICANN71", "2036-06-15", "[]", "[\"1.1\"]"),
                        "\"ICANN72\"", "[\"ccNSO\"]")))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.meeting").value("ICANN72"))
                .andExpect(jsonPath("$.groupIds.length()").value(1))
                .andExpect(jsonPath("$.groupIds[0]").value("ccNSO"));
        try (TopicProbe topic = new TopicProbe(kafka, Topics.internal(Topics.ENGAGEMENTS))) {
            String updated = topic.await(id, hasType(EngagementEvents.UPDATED), EVENT_WAIT).stream()
                    .map(ConsumerRecord::value)
                    .filter(v -> read(v).path("type").asString().equals(EngagementEvents.UPDATED))
                    .findFirst().orElseThrow();
            EventSchemas.assertConforms(updated);
            JsonNode data = read(updated).path("data");
            assertThat(data.path("changedFields").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("meeting", "groupIds");
            assertThat(data.path("engagement").path("meeting").asString()).isEqualTo("ICANN72");
            assertThat(data.path("engagement").path("groupIds").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("ccNSO");
        }

        // left out of a replacement, both are cleared, as every other field is
        mvc.perform(put("/api/engagements/" + id).with(as("bob", "admin")).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body("MEETING", "WS2 session at ICANN71", "2036-06-15", "[]", "[\"1.1\"]")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.meeting").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.groupIds.length()").value(0))
                .andExpect(jsonPath("$.version").value(2));
    }

    @Test
    void theLogIsFilteredByMeetingAndGroup() throws Exception {
        String icann71 = create("MEETING", "At ICANN71", "2037-06-14", "[]", "\"ICANN71\"", "[\"ALAC\",\"GAC\"]");
        String icann72 = create("WORKSHOP", "At ICANN72", "2037-10-25", "[]", "\"ICANN72\"", "[\"ALAC\"]");
        String none = create("WEBINAR", "Online", "2037-05-25", "[]");

        assertThat(ids(get("/api/engagements").param("from", "2037-01-01").param("to", "2037-12-31")))
                .containsExactly(icann72, icann71, none);
        assertThat(ids(get("/api/engagements").param("from", "2037-01-01").param("to", "2037-12-31")
                .param("meeting", "ICANN71"))).containsExactly(icann71);
        assertThat(ids(get("/api/engagements").param("from", "2037-01-01").param("to", "2037-12-31")
                .param("groupId", "ALAC"))).containsExactly(icann72, icann71);
        assertThat(ids(get("/api/engagements").param("from", "2037-01-01").param("to", "2037-12-31")
                .param("meeting", "ICANN72").param("groupId", "GAC"))).isEmpty();
        mvc.perform(get("/api/engagements").param("from", "2037-01-01").param("to", "2037-12-31")
                .param("meeting", "ICANN71").param("groupId", "GAC"))
                .andExpect(jsonPath("$.total").value(1));
        for (String[] bad : new String[][] { { "meeting", "Hague" }, { "groupId", "not a group" } }) {
            mvc.perform(get("/api/engagements").param(bad[0], bad[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.field").value(bad[0]));
        }
    }

    @Test
    void theLogIsListedNewestFirstFilteredAndPaged() throws Exception {
        String first = create("MEETING", "Oldest", "2031-01-10", "[\"8.1.2\"]");
        String second = create("WORKSHOP", "Middle", "2031-02-10", "[\"8.1.2\",\"8.1.17\"]");
        String third = create("MEETING", "Newest", "2031-03-10", "[]");

        assertThat(ids(get("/api/engagements").param("from", "2031-01-01").param("to", "2031-12-31")))
                .containsExactly(third, second, first);
        assertThat(ids(get("/api/engagements").param("from", "2031-01-01").param("to", "2031-12-31")
                .param("kind", "MEETING"))).containsExactly(third, first);
        assertThat(ids(get("/api/engagements").param("recommendationId", "8.1.2"))).containsExactly(second, first);
        assertThat(ids(get("/api/engagements").param("recommendationId", "8.1.17"))).containsExactly(second);
        assertThat(ids(get("/api/engagements").param("from", "2031-02-10").param("to", "2031-02-10")))
                .containsExactly(second);
        assertThat(ids(get("/api/engagements").param("from", "2031-01-01").param("to", "2031-12-31")
                .param("size", "1").param("page", "1"))).containsExactly(second);
        mvc.perform(get("/api/engagements").param("from", "2031-01-01").param("to", "2031-12-31")
                .param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items.length()").value(1));
        mvc.perform(get("/api/engagements").param("recommendationId", "9.9"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aReplacementNeedsTheVersionReadInIfMatch() throws Exception {
        String id = create("MEETING", "Planning call", "2032-04-01", "[\"2.1\"]");
        String replacement = body("WORKSHOP", "Planning workshop", "2032-04-02", "[]", "[\"2.2\"]");

        mvc.perform(put("/api/engagements/" + id).with(as("bob", "admin"))
                .contentType(MediaType.APPLICATION_JSON).content(replacement))
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:version-required"));
        mvc.perform(get("/api/engagements/" + id)).andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.title").value("Planning call"));

        mvc.perform(put("/api/engagements/" + id).with(as("bob", "admin")).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content(replacement))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.kind").value("WORKSHOP"))
                .andExpect(jsonPath("$.title").value("Planning workshop"))
                .andExpect(jsonPath("$.heldOn").value("2032-04-02"))
                .andExpect(jsonPath("$.description").value("About the webinar"))
                .andExpect(jsonPath("$.links.length()").value(0))
                .andExpect(jsonPath("$.recommendationIds[0]").value("2.2"))
                .andExpect(jsonPath("$.createdBy").value("alice"))
                .andExpect(jsonPath("$.updatedBy").value("bob"))
                .andExpect(jsonPath("$.version").value(1));
        assertThat(ids(get("/api/engagements").param("recommendationId", "2.1"))).doesNotContain(id);
        assertThat(ids(get("/api/engagements").param("recommendationId", "2.2"))).contains(id);

        mvc.perform(put("/api/engagements/" + id).with(as("alice", "support-staff")).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content(body("OTHER", "Stale", "2032-04-03", "[]", "[]")))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:stale-version"))
                .andExpect(jsonPath("$.currentVersion").value(1));

        // The same content again changes nothing and announces nothing.
        mvc.perform(put("/api/engagements/" + id).with(as("bob", "admin")).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content(replacement))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""));
        mvc.perform(get("/api/engagements/" + id)).andExpect(jsonPath("$.title").value("Planning workshop"))
                .andExpect(jsonPath("$.version").value(1));

        try (TopicProbe topic = new TopicProbe(kafka, Topics.internal(Topics.ENGAGEMENTS))) {
            List<ConsumerRecord<String, String>> events = topic.await(id, hasType(EngagementEvents.UPDATED),
                    EVENT_WAIT);
            String updated = events.stream().map(ConsumerRecord::value)
                    .filter(v -> read(v).path("type").asString().equals(EngagementEvents.UPDATED))
                    .findFirst().orElseThrow();
            EventSchemas.assertConforms(updated);
            JsonNode event = read(updated);
            assertThat(event.path("aggregateversion").asLong()).isEqualTo(1);
            assertThat(event.path("data").path("actor").asString()).isEqualTo("bob");
            assertThat(event.path("data").path("changedFields").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("kind", "title", "heldOn", "links", "recommendationIds");
            assertThat(event.path("data").path("engagement").path("updatedBy").asString()).isEqualTo("bob");
        }
        assertThat(outboxEvents(id)).isEqualTo(2);
    }

    @Test
    void aRemovedItemIsKeptButNoLongerListedAndAnswersGone() throws Exception {
        String id = create("PUBLIC_COMMENT", "Comment period", "2033-05-05", "[\"3.1\"]");

        mvc.perform(delete("/api/engagements/" + id).with(as("alice", "support-staff")).header("If-Match", "\"7\""))
                .andExpect(status().isPreconditionFailed())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(delete("/api/engagements/" + id).with(as("bob", "admin")))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/engagements/" + id))
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:removed"));
        assertThat(ids(get("/api/engagements").param("recommendationId", "3.1"))).doesNotContain(id);
        assertThat(ids(get("/api/engagements").param("from", "2033-01-01").param("to", "2033-12-31"))).isEmpty();
        Map<String, Object> row = jdbc.sql("SELECT removed_by, removed_at, version FROM engagement WHERE id = :id")
                .param("id", UUID.fromString(id)).query().singleRow();
        assertThat(row.get("removed_by")).isEqualTo("bob");
        assertThat(row.get("removed_at")).isNotNull();
        assertThat(row.get("version")).isEqualTo(1L);

        mvc.perform(put("/api/engagements/" + id).with(as("bob", "admin")).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).content(body("OTHER", "Back", "2033-05-05", "[]", "[]")))
                .andExpect(status().isGone());
        mvc.perform(delete("/api/engagements/" + id).with(as("bob", "admin")))
                .andExpect(status().isGone());

        try (TopicProbe topic = new TopicProbe(kafka, Topics.internal(Topics.ENGAGEMENTS))) {
            List<ConsumerRecord<String, String>> events = topic.await(id, hasType(EngagementEvents.REMOVED),
                    EVENT_WAIT);
            assertThat(events).hasSize(2);
            String removed = events.get(1).value();
            EventSchemas.assertConforms(removed);
            JsonNode event = read(removed);
            assertThat(event.path("type").asString()).isEqualTo(EngagementEvents.REMOVED);
            assertThat(event.path("aggregateversion").asLong()).isEqualTo(1);
            assertThat(event.path("data").path("engagement").path("removed").asBoolean()).isTrue();
            assertThat(event.path("data").path("engagement").path("removedBy").asString()).isEqualTo("bob");
        }
    }

    @Test
    void onlySupportStaffAndAdminsWrite() throws Exception {
        String id = create("MEETING", "Roles", "2034-06-06", "[]");
        long before = engagementCount();
        String body = body("MEETING", "Not allowed", "2034-06-07", "[]", "[]");

        mvc.perform(post("/api/engagements").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(post("/api/engagements").with(as("carol", "group-editor"))
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        mvc.perform(put("/api/engagements/" + id).with(as("carol", "group-editor")).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/engagements/" + id).with(as("carol", "group-editor")))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/engagements/" + id))
                .andExpect(status().isUnauthorized());

        assertThat(engagementCount()).isEqualTo(before);
        mvc.perform(get("/api/engagements/" + id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Roles"))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() throws Exception {
        String id = create("MEETING", "Validation", "2035-07-07", "[]");
        long before = engagementCount();
        long eventsBefore = allOutboxEvents();
        String manyLinks = "[" + String.join(",", Collections.nCopies(21,
                "{\"title\":\"t\",\"url\":\"https://example.org\"}")) + "]";
        Map<String, String> invalid = new LinkedHashMap<>();
        invalid.put("{\"kind\":\"MEETING\",\"title\":\"x\",\"heldOn\":\"2035-07-08\",\"extra\":1}", "extra");
        invalid.put(body("MEETING", "x", "2035-07-08", "[{\"title\":\"t\",\"url\":\"ftp://example.org/a\"}]", "[]"),
                "links[0].url");
        invalid.put(body("MEETING", "x", "2035-07-08", "[{\"title\":\"t\",\"url\":\"javascript:alert(1)\"}]", "[]"),
                "links[0].url");
        invalid.put(body("MEETING", "x", "2035-07-08", "[{\"title\":\"t\",\"url\":\"https://\"}]", "[]"),
                "links[0].url");
        invalid.put(body("MEETING", "x", "2035-07-08", "[{\"title\":\" \",\"url\":\"https://example.org\"}]", "[]"),
                "links[0].title");
        invalid.put(body("MEETING", "x", "2035-07-08", manyLinks, "[]"), "links");
        invalid.put(body("MEETING", " ", "2035-07-08", "[]", "[]"), "title");
        invalid.put(body("MEETING", "x".repeat(301), "2035-07-08", "[]", "[]"), "title");
        invalid.put(body("PARTY", "x", "2035-07-08", "[]", "[]"), "kind");
        invalid.put(body("MEETING", "x", "2035-13-40", "[]", "[]"), "heldOn");
        invalid.put(body("MEETING", "x", "1815-07-08", "[]", "[]"), "heldOn");
        invalid.put("{\"kind\":\"MEETING\",\"title\":\"x\"}", "heldOn");
        invalid.put(body("MEETING", "x", "2035-07-08", "[]", "[\"\"]"), "recommendationIds[0]");
        String plain = body("MEETING", "x", "2035-07-08", "[]", "[]");
        for (String meeting : List.of("\"ICANN 71\"", "\"The Hague\"", "\"icann71\"", "\"ICANN71a\"", "\"ICANN0\"",
                "\"ICANN" + "7".repeat(36) + "\"", "71", "[\"ICANN71\"]")) {
            invalid.put(withMeeting(plain, meeting, "[]"), "meeting");
        }
        invalid.put(withMeeting(plain, "null", "[\"ALAC\",\"GAC\",\"ALAC\"]"), "groupIds");
        invalid.put(withMeeting(plain, "null", "[\"ALAC\",\"1-bad\"]"), "groupIds[1]");
        invalid.put(withMeeting(plain, "null", "[\"ALAC\",\"\"]"), "groupIds[1]");
        invalid.put(withMeeting(plain, "null", "[\"" + "G".repeat(51) + "\"]"), "groupIds[0]");
        invalid.put(withMeeting(plain, "null", "[" + String.join(",",
                java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(i -> "\"G" + i + "\"").toList()) + "]"),
                "groupIds");
        invalid.put("{\"kind\":\"MEETING\",", null);
        invalid.put("[]", null);
        invalid.put("", null);
        for (Map.Entry<String, String> bad : invalid.entrySet()) {
            for (MockHttpServletRequestBuilder request : List.of(post("/api/engagements"),
                    put("/api/engagements/" + id).header("If-Match", "\"0\""))) {
                var result = mvc.perform(request.with(as("alice", "support-staff"))
                        .contentType(MediaType.APPLICATION_JSON).content(bad.getKey()))
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith(PROBLEM));
                if (bad.getValue() != null) {
                    result.andExpect(jsonPath("$.field").value(bad.getValue()));
                }
            }
        }

        for (MockHttpServletRequestBuilder request : List.of(post("/api/engagements"),
                put("/api/engagements/" + id).header("If-Match", "\"0\""))) {
            mvc.perform(request.with(as("alice", "support-staff")).contentType(MediaType.APPLICATION_JSON)
                    .content(body("MEETING", "x", "2035-07-08", "[]", "[\"1.1\",\"9.9\",\"1.99\"]")))
                    .andExpect(status().is(422))
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.type").value("urn:ws2:problem:unknown-recommendation"))
                    .andExpect(jsonPath("$.field").value("recommendationIds"))
                    .andExpect(jsonPath("$.unknown[0]").value("9.9"))
                    .andExpect(jsonPath("$.unknown[1]").value("1.99"))
                    .andExpect(jsonPath("$.detail").value(containsString("9.9")));
        }

        assertThat(engagementCount()).isEqualTo(before);
        assertThat(allOutboxEvents()).isEqualTo(eventsBefore);
        mvc.perform(get("/api/engagements/" + id)).andExpect(jsonPath("$.title").value("Validation"))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void badQueriesAndUnknownItemsAreProblems() throws Exception {
        Map<String, String[]> invalid = Map.of(
                "size", new String[] { "size", "201" },
                "page", new String[] { "page", "-1" },
                "kind", new String[] { "kind", "PARTY" },
                "from", new String[] { "from", "yesterday" });
        for (Map.Entry<String, String[]> bad : invalid.entrySet()) {
            mvc.perform(get("/api/engagements").param(bad.getValue()[0], bad.getValue()[1]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                    .andExpect(jsonPath("$.field").value(bad.getKey()));
        }
        mvc.perform(get("/api/engagements").param("from", "2021-06-01").param("to", "2021-05-01"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("to"));
        mvc.perform(get("/api/engagements").param("size", "200")).andExpect(status().isOk());

        mvc.perform(get("/api/engagements/" + UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:not-found"));
        mvc.perform(get("/api/engagements/not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.field").value("id"));
        mvc.perform(put("/api/engagements/" + UUID.randomUUID()).with(as("bob", "admin")).header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).content(body("OTHER", "x", "2035-01-01", "[]", "[]")))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/engagements/" + UUID.randomUUID()).with(as("bob", "admin")))
                .andExpect(status().isNotFound());
    }

    private String create(String kind, String title, String heldOn, String recommendationIds) throws Exception {
        MvcResult result = mvc.perform(post("/api/engagements").with(as("alice", "support-staff"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(kind, title, heldOn, "[{\"title\":\"Notes\",\"url\":\"https://example.org/notes\"}]",
                        recommendationIds)))
                .andExpect(status().isCreated()).andReturn();
        return read(result.getResponse().getContentAsString()).path("id").asString();
    }

    private String create(String kind, String title, String heldOn, String recommendationIds, String meeting,
            String groupIds) throws Exception {
        MvcResult result = mvc.perform(post("/api/engagements").with(as("alice", "support-staff"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(withMeeting(body(kind, title, heldOn, "[]", recommendationIds), meeting, groupIds)))
                .andExpect(status().isCreated()).andReturn();
        return read(result.getResponse().getContentAsString()).path("id").asString();
    }

    /** {@code body} with {@code meeting} and {@code groupIds} added, both given as JSON values. */
    private static String withMeeting(String body, String meeting, String groupIds) {
        return body.substring(0, body.length() - 1) + ",\"meeting\":" + meeting + ",\"groupIds\":" + groupIds + "}";
    }

    private static String body(String kind, String title, String heldOn, String links, String recommendationIds) {
        return "{\"kind\":\"" + kind + "\",\"title\":\"" + title + "\",\"heldOn\":\"" + heldOn
                + "\",\"description\":\"About the webinar\",\"links\":" + links + ",\"recommendationIds\":"
                + recommendationIds + "}";
    }

    private List<String> ids(MockHttpServletRequestBuilder request) throws Exception {
        String page = mvc.perform(request)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return read(page).path("items").valueStream().map(item -> item.path("id").asString()).toList();
    }

    private long engagementCount() {
        return jdbc.sql("SELECT count(*) FROM engagement").query(Long.class).single();
    }

    private long allOutboxEvents() {
        return jdbc.sql("SELECT count(*) FROM ws2_outbox WHERE topic = :topic").param("topic", Topics.ENGAGEMENTS)
                .query(Long.class).single();
    }

    private long outboxEvents(String id) {
        return jdbc.sql("SELECT count(*) FROM ws2_outbox WHERE topic = :topic AND message_key = :id")
                .param("topic", Topics.ENGAGEMENTS).param("id", id).query(Long.class).single();
    }

    private Predicate<List<ConsumerRecord<String, String>>> hasType(String type) {
        return records -> records.stream().anyMatch(r -> read(r.value()).path("type").asString().equals(type));
    }

    private static String only(List<ConsumerRecord<String, String>> records) {
        assertThat(records).hasSize(1);
        return records.get(0).value();
    }

    private static JwtRequestPostProcessor as(String subject, String role) {
        return jwt().jwt(token -> token.subject(subject).claim("roles", List.of(role)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    private JsonNode read(String body) {
        return json.readTree(body);
    }
}
