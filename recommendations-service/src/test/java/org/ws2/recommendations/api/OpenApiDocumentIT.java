package org.ws2.recommendations.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ws2.recommendations.support.RecommendationsApiTest;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document the service serves names every endpoint and the problems each can answer. */
class OpenApiDocumentIT extends RecommendationsApiTest {

    @Test
    void describesEveryEndpointAndItsProblems() throws Exception {
        JsonNode paths = read("/v3/api-docs").path("paths");

        assertThat(paths.propertyNames()).contains("/api/topics", "/api/topics/{prefix}", "/api/recommendations",
                "/api/recommendations/{id}", "/api/recommendations/{id}/history",
                "/api/recommendations/{id}/transitions", "/api/recommendations/{id}/retirement",
                "/api/recommendations/{id}/dependencies/{dependsOnId}", "/api/recommendations/{id}/coordination",
                "/api/recommendations/{id}/evidence", "/api/recommendations/{id}/evidence/{evidenceId}/document",
                "/api/engagements", "/api/engagements/{id}");
        JsonNode transition = paths.path("/api/recommendations/{id}/transitions").path("post").path("responses");
        for (String status : List.of("200", "400", "401", "403", "404", "409", "412")) {
            assertThat(transition.has(status)).as("transition documents %s", status).isTrue();
        }
        assertThat(transition.path("409").path("content").has("application/problem+json")).isTrue();
        JsonNode read = paths.path("/api/recommendations/{id}").path("get").path("responses");
        assertThat(read.has("404")).isTrue();
        assertThat(read.has("401")).as("reads are anonymous").isFalse();
    }
}
