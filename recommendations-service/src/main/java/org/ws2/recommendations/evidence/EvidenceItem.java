package org.ws2.recommendations.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A piece of evidence of how a recommendation was implemented: a link, an uploaded document, or
 * both.
 *
 * @param document null for a plain link
 */
public record EvidenceItem(
        UUID id,
        String recommendationId,
        String title,
        String url,
        Document document,
        LocalDate date,
        String note,
        String addedBy,
        Instant addedAt) {

    /** An uploaded file, served at {@code href}. */
    public record Document(String fileName, String contentType, long sizeBytes, String sha256, String href) {
    }

    /** The same piece without who added it, for a reader who may not see actors. */
    public EvidenceItem withoutActor() {
        return new EvidenceItem(id, recommendationId, title, url, document, date, note, null, addedAt);
    }

    /** Where a client finds the evidence: its own link, or else its uploaded document. */
    public String location() {
        return url != null ? url : document.href();
    }
}
