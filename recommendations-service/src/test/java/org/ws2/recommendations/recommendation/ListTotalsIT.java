package org.ws2.recommendations.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.ws2.recommendations.support.RecommendationsApiTestBase;

/**
 * A list's total is remembered only while the catalogue stays as it was counted ({@link ListTotals}): any change,
 * through the API or straight in the database, and one committed while a count ran, is in the next total.
 */
class ListTotalsIT extends RecommendationsApiTestBase {

    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;

    @Test
    void aTotalIsRememberedUntilTheCatalogueChanges() throws Exception {
        create("4.79.1", "totals-probe");
        assertThat(total("tag=totals-probe")).isEqualTo(1);

        double counted = answers("counted");
        double remembered = answers("remembered");
        assertThat(total("tag=totals-probe")).isEqualTo(1);
        assertThat(total("tag=totals-probe")).isEqualTo(1);
        assertThat(answers("remembered")).isEqualTo(remembered + 2);
        assertThat(answers("counted")).isEqualTo(counted);

        create("4.79.2", "totals-probe");
        assertThat(total("tag=totals-probe")).isEqualTo(2);
        assertThat(answers("counted")).isEqualTo(counted + 1);

        mvc.perform(post("/api/recommendations/4.79.2/retirement").with(staff()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"totals test\"}")).andExpect(status().isOk());
        assertThat(total("tag=totals-probe")).isEqualTo(1);
        // the words' count too (it decides the plan), and a change made outside the service
        assertThat(total("q=totals-probe-words")).isZero();
        jdbc.sql("UPDATE recommendation SET summary = 'Has totals-probe-words' WHERE id = '4.79.1'").update();
        assertThat(total("q=totals-probe-words")).isEqualTo(1);
    }

    @Test
    void aChangeCommittedWhileATotalWasCountedIsInTheNextTotal() throws Exception {
        create("4.79.5", "totals-race-before");
        assertThat(total("tag=totals-race")).isZero();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement retag = other.prepareStatement(
                    "UPDATE recommendation SET tags = '[\"totals-race\"]'::jsonb WHERE id = '4.79.5'")) {
                assertThat(retag.executeUpdate()).isOne();
            }
            // counted while the change is made but not committed: not in this total, nor remembered past it
            assertThat(total("tag=totals-race")).isZero();
            other.commit();
        }
        assertThat(total("tag=totals-race")).isEqualTo(1);
    }

    private void create(String id, String tag) throws Exception {
        postJson("/api/recommendations", """
                {"id":"%s","title":"Totals probe","summary":"Probe for the list totals","ownership":"ORG","tags":["%s"]}"""
                .formatted(id, tag)).andExpect(status().isCreated());
    }

    private long total(String query) throws Exception {
        return json.readTree(mvc.perform(get("/api/recommendations?size=1&" + query)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).path("total").asLong();
    }

    private double answers(String answer) {
        return meters.get("ws2.recommendations.list.totals").tag("answer", answer).counter().count();
    }
}
