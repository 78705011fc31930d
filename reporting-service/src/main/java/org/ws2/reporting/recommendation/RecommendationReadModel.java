package org.ws2.reporting.recommendation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.recommendation.RecommendationEvent;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.service.events.AppliesEvents;
import org.ws2.contracts.recommendation.RecommendationStatus;

/** The reports' own copy of each recommendation, kept up to date from its events. */
@Repository
public class RecommendationReadModel {

    private final JdbcClient jdbc;

    RecommendationReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @AppliesEvents("reporting.recommendation-read-model")
    void apply(RecommendationEvent event, CloudEvent envelope) {
        applyIfNewer(event.recommendation(), event.aggregateVersion(), envelope.time());
    }

    /**
     * Stores the recommendation's state as of {@code version}, unless the version held is the same
     * or newer; true if it was stored. One statement, so two consumers racing on the same
     * recommendation (say, during a rebalance) cannot both win.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean applyIfNewer(RecommendationSnapshot state, long version, Instant happenedAt) {
        recordVersion("recommendation_version", state, version, happenedAt);
        return jdbc.sql("""
                INSERT INTO recommendation (id, topic, title, status, retired, version, updated_at)
                VALUES (:id, :topic, :title, :status, :retired, :version, :updatedAt)
                ON CONFLICT (id) DO UPDATE SET
                    topic = EXCLUDED.topic, title = EXCLUDED.title, status = EXCLUDED.status,
                    retired = EXCLUDED.retired, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
                WHERE recommendation.version < EXCLUDED.version""")
                .param("id", state.id())
                .param("topic", state.topic())
                .param("title", state.title())
                .param("status", state.status().name())
                .param("retired", state.retired())
                .param("version", version)
                .param("updatedAt", OffsetDateTime.ofInstant(happenedAt, ZoneOffset.UTC))
                .update() == 1;
    }

    /**
     * Keeps the version in the history "as of" reports read, whatever order versions arrive in: a
     * late older version still belongs to the history, it just never becomes the latest.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordVersion(String table, RecommendationSnapshot state, long version, Instant effectiveAt) {
        jdbc.sql("INSERT INTO " + table + """
                 (id, version, effective_at, topic_prefix, topic, title, ownership,
                    target_quarter, status, coordination, coordination_rationale, depends_on, retired)
                VALUES (:id, :version, :effectiveAt, :topicPrefix, :topic, :title, :ownership, :targetQuarter, :status,
                    :coordination, :rationale, :dependsOn, :retired)
                ON CONFLICT (id, version) DO NOTHING""")
                .param("id", state.id())
                .param("version", version)
                .param("effectiveAt", OffsetDateTime.ofInstant(effectiveAt, ZoneOffset.UTC))
                .param("topicPrefix", state.topicPrefix())
                .param("topic", state.topic())
                .param("title", state.title())
                .param("ownership", state.ownership() == null ? null : state.ownership().name())
                .param("targetQuarter", state.targetQuarter())
                .param("status", state.status().name())
                .param("coordination", state.coordination() == null ? "NONE" : state.coordination().name())
                .param("rationale", state.coordinationRationale())
                .param("dependsOn", state.dependsOn() == null ? new String[0] : state.dependsOn().toArray(String[]::new))
                .param("retired", state.retired())
                .update();
    }

    /**
     * How many recommendations in the catalogue (not retired) are in each status (statuses with none
     * are absent), in one consistent read.
     */
    public StatusCounts countByStatus() {
        List<StatusRow> rows = jdbc.sql(
                "SELECT status, count(*) FILTER (WHERE NOT retired) AS n, max(updated_at) AS latest FROM recommendation "
                        + "GROUP BY status")
                .query((rs, row) -> new StatusRow(RecommendationStatus.valueOf(rs.getString("status")), rs.getLong("n"),
                        rs.getObject("latest", OffsetDateTime.class).toInstant()))
                .list();
        Map<RecommendationStatus, Long> counts = new EnumMap<>(RecommendationStatus.class);
        rows.forEach(row -> counts.put(row.status(), row.count()));
        Instant latestChange = rows.stream().map(StatusRow::latest).max(Comparator.naturalOrder()).orElse(null);
        return new StatusCounts(counts, latestChange);
    }

    private record StatusRow(RecommendationStatus status, long count, Instant latest) {
    }

    /**
     * @param latestChange when the newest change held happened; null while nothing is held
     */
    public record StatusCounts(Map<RecommendationStatus, Long> byStatus, Instant latestChange) {
    }
}
