package org.ws2.reporting.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test of the reporting service whole ({@code @ServiceIntegrationTest}): history written as events on
 * the real topics ({@link WorldFeed} over {@link #kafka}), reports read over HTTP.
 */
public abstract class ReportingIntegrationTestBase {

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    /** The body of a GET that must answer 200. */
    protected String body(String uri) throws Exception {
        return mvc.perform(get(uri)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** The JSON of a GET that must answer 200. */
    protected JsonNode read(String uri) throws Exception {
        return json.readTree(body(uri));
    }

    /**
     * The quarterly report of {@code quarter} (e.g. 2021-Q2) in each format people read, by format: html, md, csv
     * and pdf, the PDF as its text.
     */
    protected Map<String, String> quarterlyDocuments(String quarter) throws Exception {
        String uri = "/api/reports/quarterly/" + quarter + "?format=";
        Map<String, String> documents = new LinkedHashMap<>();
        for (String format : List.of("html", "md", "csv")) {
            documents.put(format, body(uri + format));
        }
        documents.put("pdf", pdfText(mvc.perform(get(uri + "pdf")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsByteArray()));
        return documents;
    }

    /** A PDF's text with its white space folded: the printed page breaks lines wherever they wrap. */
    protected static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
