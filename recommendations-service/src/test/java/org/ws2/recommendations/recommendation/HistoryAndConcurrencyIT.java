package org.ws2.recommendations.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.ws2.recommendations.support.RecommendationsApiTestBase;

import tools.jackson.databind.JsonNode;

/** History, reads "as of" a past instant, and two people changing one recommendation at once. */
class HistoryAndConcurrencyIT extends RecommendationsApiTestBase {

    @Test
    void historyListsEveryChangeWithActorTimeBeforeAfterAndNote() throws Exception {
        transition("8.1.4", "PLANNING", "scoped").andExpect(status().isOk());
        transition("8.1.4", "ON_HOLD", "waiting for budget").andExpect(status().isOk());

        JsonNode history = readSignedIn("/api/recommendations/8.1.4/history");
        assertThat(history.size()).isEqualTo(3);
        assertThat(history.get(0).path("kind").asString()).isEqualTo("registered");
        assertThat(history.get(1).path("actor").asString()).isEqualTo("sam.support");
        assertThat(read("/api/recommendations/8.1.4/history").valueStream().map(change -> change.path("actor")))
                .as("who did what is for signed-in readers (docs/visibility.md)").allMatch(JsonNode::isNull);
        assertThat(history.get(1).path("note").asString()).isEqualTo("scoped");
        assertThat(history.get(1).path("before").path("status").asString()).isEqualTo("NOT_STARTED");
        assertThat(history.get(1).path("after").path("status").asString()).isEqualTo("PLANNING");
        assertThat(history.get(2).path("changedAt").asString()).isNotBlank();
        mvc.perform(get("/api/recommendations/9.9/history")).andExpect(status().isNotFound());
    }

    @Test
    void aReadAsOfAPastInstantAnswersFromHistory() throws Exception {
        Instant beforeFirstTransition = Instant.now();
        transition("8.1.12", "PLANNING", "scoped").andExpect(status().isOk());
        Instant afterFirst = Instant.now();
        transition("8.1.12", "IN_PROGRESS", "started").andExpect(status().isOk());

        mvc.perform(get("/api/recommendations/8.1.12").param("asOf", beforeFirstTransition.toString()))
                .andExpect(jsonPath("$.status").value("NOT_STARTED"))
                .andExpect(jsonPath("$.version").value(0));
        mvc.perform(get("/api/recommendations/8.1.12").param("asOf", afterFirst.toString()))
                .andExpect(jsonPath("$.status").value("PLANNING"));
        mvc.perform(get("/api/recommendations").param("asOf", afterFirst.toString()).param("topic", "8")
                .param("status", "PLANNING"))
                .andExpect(jsonPath("$.items[?(@.id == '8.1.12')]").exists())
                .andExpect(jsonPath("$.asOf").exists());
        mvc.perform(get("/api/recommendations/8.1.12").param("asOf", "2000-01-01T00:00:00Z"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/recommendations/8.1.12").param("asOf", "yesterday"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void ofTwoConcurrentChangesFromTheSameVersionOneWinsAndTheOtherGets412() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> attempt = () -> {
            start.await();
            return postTransitionWithVersion("8.1.13", "PLANNING");
        };
        try {
            List<Future<Integer>> results = List.of(pool.submit(attempt), pool.submit(attempt));
            start.countDown();
            List<Integer> statuses = List.of(results.get(0).get(), results.get(1).get());
            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
        assertThat(read("/api/recommendations/8.1.13").path("version").asLong()).isEqualTo(1);
        assertThat(read("/api/recommendations/8.1.13/history").size()).isEqualTo(2);
    }

    private int postTransitionWithVersion(String id, String to) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/recommendations/" + id + "/transitions").with(staff()).header("If-Match", "\"0\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"to\":\"" + to + "\",\"note\":\"concurrent\"}"))
                .andReturn().getResponse().getStatus();
    }
}
