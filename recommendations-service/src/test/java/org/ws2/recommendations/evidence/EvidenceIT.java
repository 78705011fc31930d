package org.ws2.recommendations.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;
import org.ws2.recommendations.support.RecommendationsApiTestBase;
import org.ws2.testsupport.TestTokens;

/** Evidence of implementation: links and uploaded documents, and what moving to IMPLEMENTED needs. */
class EvidenceIT extends RecommendationsApiTestBase {

    @LocalServerPort
    int port;

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void implementedNeedsEvidenceAndALinkIsEnough() throws Exception {
        transition("8.1.1", "PLANNING", "plan").andExpect(status().isOk());
        transition("8.1.1", "IN_PROGRESS", "build").andExpect(status().isOk());
        transition("8.1.1", "DOCUMENTING", "write up").andExpect(status().isOk());
        transition("8.1.1", "IMPLEMENTED", "done").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:evidence-required"));

        postJson("/api/recommendations/8.1.1/evidence", """
                {"title":"Revised DIDP","url":"https://www.icann.org/resources/pages/didp-2023-01-01-en",
                 "date":"2021-06-28","note":"Published policy"}""")
                .andExpect(status().isCreated())
                .andExpect(header().string("ETag", "\"4\""))
                .andExpect(jsonPath("$.addedBy").value("sam.support"));
        transition("8.1.1", "IMPLEMENTED", "done").andExpect(status().isOk())
                .andExpect(jsonPath("$.publicStatusLabel").value("Complete"))
                .andExpect(jsonPath("$.evidenceCount").value(1));
    }

    @Test
    void anUploadedDocumentIsStoredAndServedBack() throws Exception {
        String href = body(upload("8.1.2", new MockMultipartFile("file", "didp-report.pdf", "application/pdf", PDF))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.document.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.document.sizeBytes").value(PDF.length)))
                .path("document").path("href").asString();

        byte[] served = mvc.perform(get(href)).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("didp-report.pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(served).isEqualTo(PDF);
        mvc.perform(get("/api/recommendations/8.1.2/evidence")).andExpect(jsonPath("$.length()").value(1));
    }

    @Test
    void aFileOfAnUnacceptedTypeOrWithContentThatBeliesItsTypeIsRefused() throws Exception {
        upload("8.1.3", new MockMultipartFile("file", "tool.exe", "application/x-msdownload", new byte[] { 'M', 'Z', 0 }))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:unsupported-document"));
        upload("8.1.3", new MockMultipartFile("file", "fake.pdf", "application/pdf", "MZ not a pdf".getBytes()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:document-content-mismatch"));
        mvc.perform(get("/api/recommendations/8.1.3")).andExpect(jsonPath("$.evidenceCount").value(0))
                .andExpect(jsonPath("$.version").value(0));
        assertThat(jdbc.sql("SELECT count(*) FROM evidence WHERE recommendation_id = '8.1.3'").query(Long.class)
                .single()).isZero();
    }

    /** Over real HTTP: the size limit is the servlet container's multipart parsing, which MockMvc skips. */
    @Test
    void anOversizedUploadIsAProblem() throws Exception {
        String boundary = "ws2-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHuge\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"date\"\r\n\r\n2021-06-28\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"huge.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] file = new byte[11 * 1024 * 1024];
        System.arraycopy(PDF, 0, file, 0, PDF.length);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/recommendations/8.1.3/evidence"))
                .header("Authorization", TestTokens.bearer("sam.support", "support-staff"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        mvc.perform(get("/api/recommendations/8.1.3")).andExpect(jsonPath("$.evidenceCount").value(0));
    }

    @Test
    void anOversizedJsonBodyIsAProblem() throws Exception {
        String note = "x".repeat(2 * 1024 * 1024);
        postJson("/api/recommendations/8.1.3/evidence",
                "{\"title\":\"x\",\"url\":\"https://a.b\",\"date\":\"2021-06-28\",\"note\":\"" + note + "\"}")
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
    }

    @Test
    void badLinkEvidenceIsAProblem() throws Exception {
        postJson("/api/recommendations/8.1.3/evidence", "{\"title\":\"x\",\"url\":\"javascript:alert(1)\",\"date\":\"2021-06-28\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("url"));
        postJson("/api/recommendations/8.1.3/evidence", "{\"title\":\"x\",\"url\":\"https://a.b\",\"date\":\"28/06/2021\"}")
                .andExpect(status().isBadRequest());
        postJson("/api/recommendations/9.9/evidence", "{\"title\":\"x\",\"url\":\"https://a.b\",\"date\":\"2021-06-28\"}")
                .andExpect(status().isNotFound());
    }

    @Test
    void withdrawnEvidenceNoLongerCountsButIsStillSeenAsOfBefore() throws Exception {
        String id = body(postJson("/api/recommendations/8.1.11/evidence",
                "{\"title\":\"Draft\",\"url\":\"https://example.org/draft\",\"date\":\"2021-05-07\"}"))
                .path("id").asString();
        java.time.Instant whileAttached = java.time.Instant.now();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/recommendations/8.1.11/evidence/" + id).with(staff()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.evidenceCount").value(0));
        mvc.perform(get("/api/recommendations/8.1.11/evidence")).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/recommendations/8.1.11/evidence").param("asOf", whileAttached.toString()))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].title").value("Draft"));
    }

    /** Who added a piece of evidence is an actor: hidden from anonymous readers, as elsewhere (docs/visibility.md). */
    @Test
    void whoAddedEvidenceIsShownToSignedInReadersOnly() throws Exception {
        postJson("/api/recommendations/8.1.5/evidence",
                "{\"title\":\"Minutes\",\"url\":\"https://example.org/minutes\",\"date\":\"2021-05-07\"}")
                .andExpect(status().isCreated());

        mvc.perform(get("/api/recommendations/8.1.5/evidence")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].title").value("Minutes"))
                .andExpect(jsonPath("$[0].addedBy").doesNotExist());
        assertThat(readSignedIn("/api/recommendations/8.1.5/evidence").path(0).path("addedBy").asString())
                .isEqualTo("sam.support");
    }

    private ResultActions upload(String id, MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/api/recommendations/" + id + "/evidence").file(file)
                .param("title", "DIDP implementation report").param("date", "2021-06-28").with(staff()));
    }
}
