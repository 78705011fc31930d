package org.ws2.recommendations.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.ws2.recommendations.support.RecommendationsApiTestBase;
import org.ws2.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;

/**
 * NUL bytes and dates beyond what PostgreSQL holds, sent over real HTTP as any client may send them:
 * each is a 400 problem naming the field, never a 500, and changes nothing.
 */
class HostileInputIT extends RecommendationsApiTestBase {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aNulInAQueryParameterIsA400NamingIt() throws Exception {
        HttpResponse<String> response = get("/api/recommendations?q=%00&topic=1");
        assertProblem(response, 400, "q");
    }

    @Test
    void aNulInAPathVariableIsA400() throws Exception {
        assertProblem(get("/api/recommendations/2.1%00/history"), 400, "path");
    }

    @Test
    void aYearBeyondWhatTheDatabaseHoldsIsA400NamingTheParameter() throws Exception {
        assertProblem(get("/api/recommendations?asOf=%2B300000-01-01T00:00:00Z"), 400, "asOf");
        assertProblem(get("/api/recommendations/2.1?asOf=%2B300000-01-01T00:00:00Z"), 400, "asOf");
        assertProblem(get("/api/recommendations/2.1/evidence?asOf=-5000-01-01T00:00:00Z"), 400, "asOf");
    }

    @Test
    void aNulInAJsonBodyIsA400NamingTheFieldAndCreatesNothing() throws Exception {
        HttpResponse<String> response = post("/api/recommendations", """
                {"id":"8.90","title":"Transparency \\u0000 probe","ownership":"ORG"}""");
        assertProblem(response, 400, "title");
        assertThat(get("/api/recommendations/8.90").statusCode()).isEqualTo(404);
    }

    @Test
    void anOutOfRangeDateInAJsonBodyIsA400NamingTheField() throws Exception {
        HttpResponse<String> response = post("/api/recommendations/2.1/evidence", """
                {"title":"Report","url":"https://www.icann.org/x","date":"+300000-01-01"}""");
        assertProblem(response, 400, "date");
    }

    @Test
    void aChunkedBodyOverTheLimitIs413ProblemWhateverItsLengthClaims() throws Exception {
        byte[] body = ("{\"id\":\"8.91\",\"title\":\"" + "x".repeat(2_000_000) + "\",\"ownership\":\"ORG\"}")
                .getBytes();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/recommendations"))
                .header("Authorization", TestTokens.bearer("sam.support", "support-staff"))
                .header("Content-Type", "application/json")
                // no length: sent chunked, so only counting the bytes can tell
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(json.readTree(response.body()).path("type").asString()).isEqualTo("urn:ws2:problem:body-too-large");
        assertThat(get("/api/recommendations/8.91").statusCode()).isEqualTo(404);
    }

    @Test
    void theRoleIsCheckedBeforeTheBodyIsRead() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/recommendations"))
                .header("Authorization", TestTokens.bearer("gail.editor", "group-editor", "ALAC"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{ this is not JSON")).build(),
                HttpResponse.BodyHandlers.ofString());
        // a 400 would mean the body was parsed for a caller who may not make this change at all
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    }

    private void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("field").asString()).isEqualTo(field);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestTokens.bearer("sam.support", "support-staff"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
