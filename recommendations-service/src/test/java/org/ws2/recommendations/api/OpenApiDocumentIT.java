package org.ws2.recommendations.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ws2.recommendations.support.RecommendationsApiTestBase;

import tools.jackson.databind.JsonNode;

/** The OpenAPI document the service serves names every endpoint and the problems each can answer. */
class OpenApiDocumentIT extends RecommendationsApiTestBase {

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

    /** What Spectral's spectral:oas ruleset asks of a document people read. */
    @Test
    void readsAsAReference() throws Exception {
        JsonNode document = read("/v3/api-docs");

        assertThat(document.at("/info/description").asString()).contains("Work Stream 2", "RFC 9457");
        assertThat(document.at("/info/contact/name").asString()).isNotBlank();
        List<String> declared = document.path("tags").valueStream().map(tag -> tag.path("name").asString()).toList();
        assertThat(declared).contains("Recommendations", "Topics", "Evidence", "Engagements");
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            JsonNode operation = method.getValue();
            String name = method.getKey().toUpperCase() + " " + path.getKey();
            assertThat(operation.path("summary").asString()).as(name).isNotBlank();
            assertThat(operation.path("description").asString()).as(name).contains("**Who may call:**", "**Problems**");
            assertThat(operation.path("tags").valueStream().map(JsonNode::asString).toList()).as(name)
                    .isNotEmpty().allSatisfy(tag -> assertThat(declared).contains(tag));
            assertThat(operation.has("x-ws2-pre-authorize")).as(name).isFalse();
        }));
        assertThat(document.at("/paths/~1api~1recommendations~1{id}~1transitions/post/description").asString())
                .contains("**Who may call:** a bearer token with the role `support-staff` or `admin`.", "- `409` ");
        assertThat(document.at("/paths/~1api~1recommendations/get/description").asString())
                .contains("**Who may call:** anyone; reads of published data need no token.");
        JsonNode view = document.at("/components/schemas/RecommendationView/properties");
        assertThat(view.path("verification").path("description").asString()).contains("id+topic only");
        assertThat(view.path("source").path("description").asString()).isNotBlank();
        // generated clients name their types after these; the Java types may be renamed, these may not
        assertThat(document.at("/components/schemas").has("RecommendationChange")).isTrue();
    }
}
