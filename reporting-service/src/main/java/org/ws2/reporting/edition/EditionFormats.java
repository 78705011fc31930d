package org.ws2.reporting.edition;

import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.ws2.reporting.report.QuarterlyDocuments;

import tools.jackson.databind.json.JsonMapper;

/**
 * An edition in each format: JSON, a printable page and Markdown (the quarterly report's renderers and Thymeleaf
 * templates {@code edition.html}, {@code edition.md}), PDF printed from that page as the quarterly PDF is, and a
 * slide deck ({@link EditionDeck}).
 */
@Component
@RequiredArgsConstructor
class EditionFormats {

    private final QuarterlyDocuments documents;
    private final JsonMapper json;

    String json(EditionContent content) {
        return json.writeValueAsString(content);
    }

    String html(EditionContent content) {
        return documents.html("edition", Map.of("e", content, "o", EditionOutline.of(content)));
    }

    String markdown(EditionContent content) {
        return documents.markdown("edition", Map.of("e", content, "o", EditionOutline.of(content)));
    }

    byte[] pdf(EditionContent content) {
        return pdf(html(content));
    }

    /** The PDF printed from a page {@link #html} rendered already, so that publishing renders it once. */
    byte[] pdf(String page) {
        return documents.pdf(page);
    }

    byte[] pptx(EditionContent content) {
        return EditionDeck.of(content);
    }
}
