package org.ws2.recommendations.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;
import org.ws2.recommendations.support.RecommendationsApiTestBase;

import tools.jackson.databind.JsonNode;

/**
 * An install that was first started with the 58 recommendations shipped before the catalogue grew
 * to 84: its database is seeded from that older list (test resource {@code catalogue-before-84}),
 * a person corrects a record, and the service starts again with the current list. The seed adds the
 * 26 missing records and leaves the correction alone.
 */
@TestPropertySource(properties = "ws2.catalogue.recommendations=classpath:catalogue-before-84/recommendations.json")
class CatalogueUpgradeIT extends RecommendationsApiTestBase {

    private static final List<String> ADDED_BY_THE_UPGRADE = List.of("4.1.2", "4.1.3", "4.1.4", "4.2", "5.1", "5.2",
            "5.3", "5.4", "5.5", "5.6", "5.7", "5.8", "5.9", "5.10", "5.11", "6.1.7", "6.3.6", "7.2.2", "8.4.1", "8.4.2",
            "8.4.3", "8.4.4", "8.4.5", "8.4.6", "8.4.7", "8.4.8");

    @Autowired
    CatalogueSeed seed;

    @Test
    void aRestartWithTheLongerListAddsTheMissingRecordsAndKeepsAnEarlierEdit() throws Exception {
        List<String> before = ids();
        assertThat(before).hasSize(58).doesNotContainAnyElementsOf(ADDED_BY_THE_UPGRADE);
        putJson("/api/recommendations/7.1.1", """
                {"title":"Staff accountability: corrected by support staff","summary":"Edited before the upgrade",
                 "ownership":"ORG","implementers":["ICANN org"],"note":"Corrected wording"}""", "\"0\"")
                .andExpect(status().isOk());

        // what the next start does with the jar's own list
        seed.seed(new ClassPathResource("ws2/recommendations.json"));

        List<String> after = ids();
        assertThat(after).hasSize(84).containsAll(before).containsAll(ADDED_BY_THE_UPGRADE);
        mvc.perform(get("/api/recommendations/7.1.1"))
                .andExpect(jsonPath("$.title").value("Staff accountability: corrected by support staff"))
                .andExpect(jsonPath("$.summary").value("Edited before the upgrade"))
                .andExpect(jsonPath("$.version").value(1));
        assertThat(read("/api/recommendations/7.1.1/history").size()).isEqualTo(2);
        // the new records say how little of them is confirmed, and where they come from
        mvc.perform(get("/api/recommendations/5.7"))
                .andExpect(jsonPath("$.verification").value("id+topic only"))
                .andExpect(jsonPath("$.source").value(
                        "https://community.icann.org/display/WEIA/Org+WS2+Implementation+At+A+Glance"))
                .andExpect(jsonPath("$.ownership").value("ORG"))
                .andExpect(jsonPath("$.version").value(0));
        // 6.1.7 and 6.3.6 are org-owned although their topic is community-owned
        mvc.perform(get("/api/recommendations/6.1.7")).andExpect(jsonPath("$.ownership").value("ORG"));
        mvc.perform(get("/api/recommendations/6.1.1")).andExpect(jsonPath("$.ownership").value("COMMUNITY"));

        // and a further start adds nothing
        seed.seed(new ClassPathResource("ws2/recommendations.json"));
        assertThat(ids()).hasSize(84);
        // 84 registrations, the four Q2 2021 flags the first seed recorded, and the one correction
        assertThat(jdbc.sql("SELECT count(*) FROM ws2_change WHERE aggregate_type = 'recommendation'")
                .query(Long.class).single()).isEqualTo(89);
    }

    private List<String> ids() throws Exception {
        JsonNode page = read("/api/recommendations?size=200");
        return page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
    }
}
