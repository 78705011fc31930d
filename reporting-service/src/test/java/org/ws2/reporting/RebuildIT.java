package org.ws2.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.group.GroupKind;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.reporting.support.ReportingIntegrationTestBase;
import org.ws2.reporting.support.WorldFeed;
import org.ws2.testsupport.ServiceIntegrationTest;

import tools.jackson.databind.JsonNode;

/** An operator rebuilds the history from the topics while reads go on; what was lost comes back. */
@ServiceIntegrationTest
class RebuildIT extends ReportingIntegrationTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRebuildReplaysTheTopicsIntoFreshTablesAndSwapsThemIn() throws Exception {
        WorldFeed feed = new WorldFeed(kafka);
        Instant at = Instant.parse("2022-02-03T10:00:00Z");
        feed.registerRecommendation("4.901", "Jurisdiction", Ownership.ORG, List.of(), at);
        feed.registerGroup("REBUILD-1", "Rebuild group", GroupKind.AC, at);
        feed.triage("REBUILD-1", "4.901", at.plusSeconds(60));
        feed.triageTo("REBUILD-1", "4.901", TriageState.SIGN_OFF_REQUESTED, at.plusSeconds(120));
        String asOf = "/api/reports/groups?asOf=2022-02-04";
        await().atMost(Duration.ofSeconds(60)).until(() -> stageOf(read(asOf), "REBUILD-1").equals("AWAITING_SIGN_OFF"));
        JsonNode before = read(asOf);

        // History lost (an operator's mistake, a bad migration): the reports no longer know the group's work.
        jdbc.sql("DELETE FROM assignment_version WHERE group_id = 'REBUILD-1'").update();
        jdbc.sql("DELETE FROM group_version WHERE id = 'REBUILD-1'").update();
        assertThat(read(asOf).toString()).doesNotContain("REBUILD-1");

        mvc.perform(post("/api/reports/rebuild")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/reports/rebuild").with(role("support-staff"))).andExpect(status().isForbidden());
        mvc.perform(post("/api/reports/rebuild").with(role("admin"))).andExpect(status().isAccepted());

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            read(asOf); // reads go on during the rebuild
            JsonNode status = read("/api/reports/rebuild");
            assertThat(status.path("state").asString()).isNotEqualTo("FAILED");
            return status.path("state").asString().equals("COMPLETED");
        });
        assertThat(read("/api/reports/rebuild").path("events").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(read(asOf)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_tables WHERE tablename LIKE '%\\_next' OR tablename LIKE '%\\_old'")
                .query(Long.class).single()).isZero();

        // The live consumers write into the swapped-in tables.
        feed.registerGroup("REBUILD-2", "After the rebuild", GroupKind.AC, Instant.parse("2022-02-03T11:00:00Z"));
        await().atMost(Duration.ofSeconds(60)).until(() -> read(asOf).toString().contains("REBUILD-2"));
    }

    private static RequestPostProcessor role(String role) {
        return jwt().jwt(token -> token.subject("operator").claim("roles", List.of(role)))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    private static String stageOf(JsonNode report, String groupId) {
        for (JsonNode g : report.path("groups")) {
            if (g.path("groupId").asString().equals(groupId)) {
                return g.path("stage").asString();
            }
        }
        return "absent";
    }
}
