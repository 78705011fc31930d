package org.ws2.reporting.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.recommendation.RecommendationEvents;

/** The evidence of implementation attached to each recommendation, and when, for the reports' links. */
@Repository
@RequiredArgsConstructor
public class EvidenceLog {

    private final JdbcClient jdbc;

    public record EvidenceLink(String recommendationId, String title, String url, LocalDate date) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void added(String recommendationId, RecommendationEvents.Evidence evidence, Instant effectiveAt) {
        added("evidence", recommendationId, evidence, effectiveAt);
    }

    /** @param table evidence, or its replacement while a rebuild fills it */
    @Transactional(propagation = Propagation.MANDATORY)
    public void added(String table, String recommendationId, RecommendationEvents.Evidence evidence, Instant effectiveAt) {
        jdbc.sql("INSERT INTO " + table + """
                 (recommendation_id, evidence_id, title, url, evidence_date, added_at)
                VALUES (:rec, :id, :title, :url, :date, :at) ON CONFLICT DO NOTHING""")
                .param("rec", recommendationId).param("id", evidence.id()).param("title", evidence.title())
                .param("url", evidence.url()).param("date", evidence.date())
                .param("at", OffsetDateTime.ofInstant(effectiveAt, ZoneOffset.UTC)).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void removed(String recommendationId, String evidenceId, Instant effectiveAt) {
        removed("evidence", recommendationId, evidenceId, effectiveAt);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void removed(String table, String recommendationId, String evidenceId, Instant effectiveAt) {
        jdbc.sql("UPDATE " + table + " SET removed_at = :at WHERE recommendation_id = :rec AND evidence_id = :id")
                .param("rec", recommendationId).param("id", evidenceId)
                .param("at", OffsetDateTime.ofInstant(effectiveAt, ZoneOffset.UTC)).update();
    }

    /** The evidence attached to the recommendations as it stood at {@code asOf}. */
    public List<EvidenceLink> asOf(List<String> recommendationIds, Instant asOf) {
        if (recommendationIds.isEmpty()) {
            return List.of();
        }
        OffsetDateTime at = OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC);
        return jdbc.sql("""
                SELECT recommendation_id, title, url, evidence_date FROM evidence
                WHERE recommendation_id IN (:ids) AND added_at <= :at AND (removed_at IS NULL OR removed_at > :at)
                ORDER BY recommendation_id, added_at""")
                .param("ids", recommendationIds).param("at", at)
                .query((rs, n) -> new EvidenceLink(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)))
                .list();
    }
}
