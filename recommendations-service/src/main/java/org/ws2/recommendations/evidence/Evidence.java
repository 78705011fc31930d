package org.ws2.recommendations.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.recommendations.recommendation.Recommendation;
import org.ws2.recommendations.recommendation.RecommendationChanges;
import org.ws2.recommendations.recommendation.RecommendationQueries;
import org.ws2.service.problem.ApiProblem;
import org.ws2.service.security.Audience;
import org.ws2.service.versioning.ChangeTime;

/**
 * Evidence of implementation attached to a recommendation. Adding or withdrawing a piece is a change
 * of the recommendation itself (its evidence count gates {@code IMPLEMENTED}), with a new version,
 * a history entry and an event.
 */
@Service
@RequiredArgsConstructor
public class Evidence {

    private final EvidenceRepository evidence;
    private final RecommendationChanges changes;
    private final RecommendationQueries queries;

    /**
     * The evidence attached now, or at {@code asOf} when it is given. Who added each piece (a token's
     * sub) is for signed-in readers only, as every actor is (docs/visibility.md).
     */
    public List<EvidenceItem> list(String recommendationId, Instant asOf) {
        queries.get(recommendationId, asOf);
        List<EvidenceItem> items = asOf == null ? evidence.findActive(recommendationId)
                : evidence.findAttachedAt(recommendationId, asOf);
        return Audience.current().isSignedIn() ? items : items.stream().map(EvidenceItem::withoutActor).toList();
    }

    /** The document of an upload; the problem is a 404 when the evidence or its document is missing. */
    EvidenceRepository.StoredDocument document(String recommendationId, UUID evidenceId) {
        return evidence.findDocument(recommendationId, evidenceId)
                .orElseThrow(() -> ApiProblem.notFound("Evidence document", evidenceId.toString()));
    }

    @Transactional
    public Added addLink(String recommendationId, String title, String url, LocalDate date, String note,
            Long expectedVersion, String actor) {
        return add(recommendationId, title, url, null, date, note, expectedVersion, actor);
    }

    @Transactional
    public Added addDocument(String recommendationId, String title, Upload upload, LocalDate date, String note,
            Long expectedVersion, String actor) {
        return add(recommendationId, title, null, upload, date, note, expectedVersion, actor);
    }

    @Transactional
    public Recommendation remove(String recommendationId, UUID evidenceId, Long expectedVersion, String actor) {
        Recommendation current = changes.lock(recommendationId, expectedVersion);
        evidence.findActive(recommendationId, evidenceId)
                .orElseThrow(() -> ApiProblem.notFound("Evidence", evidenceId.toString()));
        Instant now = ChangeTime.now();
        evidence.markRemoved(evidenceId, actor, now);
        Recommendation changed = current.withEvidenceCount(current.evidenceCount() - 1, now);
        return changes.commit(changed, actor, "evidence " + evidenceId + " withdrawn", new RecommendationEvents.EvidenceRemoved(recommendationId,
                        changed.version(), actor, now, evidenceId.toString(), changed.snapshot()));
    }

    private Added add(String recommendationId, String title, String url, Upload upload, LocalDate date, String note,
            Long expectedVersion, String actor) {
        Recommendation current = changes.lock(recommendationId, expectedVersion);
        Instant now = ChangeTime.now();
        UUID id = UUID.randomUUID();
        EvidenceItem.Document document = null;
        UUID documentId = null;
        if (upload != null) {
            String contentType = DocumentTypes.check(upload.contentType(), upload.content());
            String sha256 = sha256(upload.content());
            documentId = UUID.randomUUID();
            evidence.insertDocument(documentId, upload.fileName(), contentType, upload.content(), sha256);
            document = new EvidenceItem.Document(upload.fileName(), contentType, upload.content().length, sha256,
                    EvidenceRepository.documentHref(recommendationId, id));
        }
        EvidenceItem item = new EvidenceItem(id, recommendationId, title, url, document, date, note, actor, now);
        evidence.insert(item, documentId);
        Recommendation changed = current.withEvidenceCount(current.evidenceCount() + 1, now);
        var published = new RecommendationEvents.Evidence(id.toString(), title, item.location(),
                document == null ? null : document.fileName(), date, note);
        Recommendation committed = changes.commit(changed, actor, "evidence added: " + title, new RecommendationEvents.EvidenceAdded(recommendationId,
                        changed.version(), actor, now, published, changed.snapshot()));
        return new Added(item, committed);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An uploaded file as received. */
    public record Upload(String fileName, String contentType, byte[] content) {
    }

    /** The new piece of evidence, and the recommendation at its new version. */
    public record Added(EvidenceItem evidence, Recommendation recommendation) {
    }
}
