package org.ws2.recommendations.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.ws2.recommendations.support.RecommendationsApiTestBase;

/** Adding, correcting and retiring recommendations, and searching the catalogue. */
class CatalogueEditingIT extends RecommendationsApiTestBase {

    private static final String UPDATE_7_1_1 = """
            {"title":"Staff accountability: clearer service expectations","summary":"Corrected summary",
             "ownership":"ORG","implementers":["ICANN org"],"targetQuarter":"2021-Q3","tags":["staff","hr"],
             "note":"Completed from the Q2 2021 update"}""";

    @Test
    void aMissingOmbudsRecommendationCanBeAddedToItsTopic() throws Exception {
        postJson("/api/recommendations", """
                {"id":"5.13","title":"Ombuds office evaluation","summary":"Periodic external evaluation",
                 "ownership":"ORG","sharedWith":["BOARD"],"implementers":["Ombudsman"],"targetQuarter":"2022-Q1",
                 "tags":["ombuds"]}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/recommendations/5.13"))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.topic").value("Office of the Ombuds"))
                .andExpect(jsonPath("$.status").value("NOT_STARTED"))
                .andExpect(jsonPath("$.sharedWith[0]").value("BOARD"));

        mvc.perform(get("/api/recommendations").param("topic", "5"))
                .andExpect(jsonPath("$.items[?(@.id == '5.13')]").exists());
        assertThat(jdbc.sql("SELECT actor FROM ws2_change WHERE aggregate_type = 'recommendation' AND aggregate_id = '5.13'")
                .query(String.class).single()).isEqualTo("sam.support");
    }

    @Test
    void anIdMustBelongToAnExistingTopicAndToTheTopicNamed() throws Exception {
        for (String body : List.of(
                "{\"id\":\"9.1\",\"title\":\"t\",\"ownership\":\"ORG\"}",
                "{\"id\":\"five\",\"title\":\"t\",\"ownership\":\"ORG\"}",
                "{\"id\":\"5.14\",\"topic\":\"Diversity\",\"title\":\"t\",\"ownership\":\"ORG\"}",
                "{\"id\":\"5.14\",\"title\":\"t\",\"ownership\":\"ORG\",\"targetQuarter\":\"Q3 2021\"}",
                "{\"id\":\"5.14\",\"title\":\"\",\"ownership\":\"ORG\"}",
                "{\"id\":\"5.14\",\"title\":\"t\",\"ownership\":\"SOMEONE\"}",
                "{\"id\":\"5.14\",\"title\":\"t\",\"ownership\":\"ORG\",\"colour\":\"red\"}")) {
            postJson("/api/recommendations", body)
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        }
        mvc.perform(get("/api/recommendations/5.14")).andExpect(status().isNotFound());
    }

    @Test
    void anExistingIdCannotBeCreatedAgain() throws Exception {
        postJson("/api/recommendations", "{\"id\":\"1.6\",\"title\":\"again\",\"ownership\":\"ORG\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:already-exists"));
        mvc.perform(get("/api/recommendations/1.6")).andExpect(jsonPath("$.title").value(
                read("/api/recommendations/1.6").path("title").asString()));
        assertThat(read("/api/recommendations/1.6").path("title").asString()).isNotEqualTo("again");
    }

    @Test
    void anEditNeedsTheVersionItWasBasedOn() throws Exception {
        putJson("/api/recommendations/7.1.1", UPDATE_7_1_1, null)
                .andExpect(status().isPreconditionRequired())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        putJson("/api/recommendations/7.1.1", UPDATE_7_1_1, "\"7\"")
                .andExpect(status().isPreconditionFailed());
        putJson("/api/recommendations/7.1.1", UPDATE_7_1_1, "\"0\"")
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.targetQuarter").value("2021-Q3"))
                .andExpect(jsonPath("$.tags[1]").value("hr"));

        mvc.perform(get("/api/recommendations").param("tag", "hr")).andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/recommendations").param("targetQuarter", "2021-Q3").param("q", "service expectations"))
                .andExpect(jsonPath("$.items[0].id").value("7.1.1"));
    }

    @Test
    void aRetiredRecommendationLeavesListsKeepsItsHistoryAndCannotChange() throws Exception {
        postJson("/api/recommendations/7.3/retirement", "{\"reason\":\"Merged into 7.1\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.retired").value(true));

        mvc.perform(get("/api/recommendations").param("topic", "7"))
                .andExpect(jsonPath("$.items[?(@.id == '7.3')]").doesNotExist());
        mvc.perform(get("/api/recommendations").param("topic", "7").param("includeRetired", "true"))
                .andExpect(jsonPath("$.items[?(@.id == '7.3')]").exists());
        mvc.perform(get("/api/recommendations/7.3")).andExpect(jsonPath("$.retiredReason").value("Merged into 7.1"));
        transition("7.3", "PLANNING", "too late").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:retired"));
    }

    @Test
    void listsSortPageAndFilterByOwnershipAndCoordination() throws Exception {
        mvc.perform(get("/api/recommendations").param("ownership", "CO_OWNED"))
                .andExpect(jsonPath("$.total").value(7));
        mvc.perform(get("/api/recommendations").param("coordination", "REQUIRED"))
                .andExpect(jsonPath("$.items[*].id").value(org.hamcrest.Matchers.hasItems("1.1", "2.3")));
        mvc.perform(get("/api/recommendations").param("topic", "8").param("sort", "id").param("order", "desc")
                .param("size", "2").param("page", "0"))
                .andExpect(jsonPath("$.items[0].id").value("8.4.8"));
        mvc.perform(get("/api/recommendations").param("sort", "colour"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void onlySupportStaffAndAdminsEditTheCatalogue() throws Exception {
        mvc.perform(post("/api/recommendations").with(as("gina", "group-editor"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"id\":\"5.15\",\"title\":\"t\",\"ownership\":\"ORG\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/recommendations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\":\"5.15\",\"title\":\"t\",\"ownership\":\"ORG\"}"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/recommendations").with(as("ada", "admin"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"id\":\"5.15\",\"title\":\"t\",\"ownership\":\"ORG\"}"))
                .andExpect(status().isCreated());
    }
}
