package org.ws2.recommendations.evidence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
class EvidenceRepository {

    private static final String SELECT = """
            SELECT e.id, e.recommendation_id, e.title, e.url, e.evidence_date, e.note, e.added_by, e.added_at,
                   d.file_name, d.content_type, d.size_bytes, d.sha256
            FROM evidence e LEFT JOIN evidence_document d ON d.id = e.document_id
            """;

    private final JdbcClient jdbc;

    List<EvidenceItem> findActive(String recommendationId) {
        return jdbc.sql(SELECT + " WHERE e.recommendation_id = :id AND e.removed_at IS NULL ORDER BY e.added_at, e.id")
                .param("id", recommendationId).query(this::map).list();
    }

    /** The evidence attached at {@code instant}: added by then and not yet withdrawn. */
    List<EvidenceItem> findAttachedAt(String recommendationId, Instant instant) {
        return jdbc.sql(SELECT + """
                 WHERE e.recommendation_id = :id AND e.added_at <= :at AND (e.removed_at IS NULL OR e.removed_at > :at)
                 ORDER BY e.added_at, e.id""")
                .param("id", recommendationId).param("at", Timestamp.from(instant)).query(this::map).list();
    }

    Optional<EvidenceItem> findActive(String recommendationId, UUID evidenceId) {
        return jdbc.sql(SELECT + " WHERE e.recommendation_id = :rid AND e.id = :id AND e.removed_at IS NULL")
                .param("rid", recommendationId).param("id", evidenceId).query(this::map).optional();
    }

    Optional<StoredDocument> findDocument(String recommendationId, UUID evidenceId) {
        return jdbc.sql("""
                SELECT d.file_name, d.content_type, d.content FROM evidence e JOIN evidence_document d ON d.id = e.document_id
                WHERE e.recommendation_id = :rid AND e.id = :id AND e.removed_at IS NULL""")
                .param("rid", recommendationId).param("id", evidenceId)
                .query((rs, row) -> new StoredDocument(rs.getString("file_name"), rs.getString("content_type"),
                        rs.getBytes("content")))
                .optional();
    }

    void insertDocument(UUID id, String fileName, String contentType, byte[] content, String sha256) {
        jdbc.sql("""
                INSERT INTO evidence_document (id, file_name, content_type, size_bytes, sha256, content)
                VALUES (:id, :fileName, :contentType, :size, :sha256, :content)""")
                .param("id", id).param("fileName", fileName).param("contentType", contentType)
                .param("size", content.length).param("sha256", sha256).param("content", content)
                .update();
    }

    void insert(EvidenceItem item, UUID documentId) {
        jdbc.sql("""
                INSERT INTO evidence (id, recommendation_id, title, url, document_id, evidence_date, note, added_by, added_at)
                VALUES (:id, :rid, :title, :url, :documentId, :date, :note, :addedBy, :addedAt)""")
                .param("id", item.id()).param("rid", item.recommendationId()).param("title", item.title())
                .param("url", item.url()).param("documentId", documentId).param("date", item.date())
                .param("note", item.note()).param("addedBy", item.addedBy())
                .param("addedAt", Timestamp.from(item.addedAt()))
                .update();
    }

    void markRemoved(UUID evidenceId, String by, Instant at) {
        jdbc.sql("UPDATE evidence SET removed_by = :by, removed_at = :at WHERE id = :id")
                .param("by", by).param("at", Timestamp.from(at)).param("id", evidenceId).update();
    }

    private EvidenceItem map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String recommendationId = rs.getString("recommendation_id");
        String fileName = rs.getString("file_name");
        EvidenceItem.Document document = fileName == null ? null
                : new EvidenceItem.Document(fileName, rs.getString("content_type"), rs.getLong("size_bytes"),
                        rs.getString("sha256"), documentHref(recommendationId, id));
        return new EvidenceItem(id, recommendationId, rs.getString("title"), rs.getString("url"), document,
                rs.getObject("evidence_date", java.time.LocalDate.class), rs.getString("note"),
                rs.getString("added_by"), rs.getTimestamp("added_at").toInstant());
    }

    static String documentHref(String recommendationId, UUID evidenceId) {
        return "/api/recommendations/" + recommendationId + "/evidence/" + evidenceId + "/document";
    }

    record StoredDocument(String fileName, String contentType, byte[] content) {
    }
}
