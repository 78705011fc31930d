package org.ws2.reporting.recommendation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.recommendation.Programmes;
import org.ws2.contracts.recommendation.RecommendationEvent;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.reporting.history.VersionTable;
import org.ws2.service.events.AppliesEvents;

/** The reports' own copy of each recommendation, kept up to date from its events. */
@Repository
@RequiredArgsConstructor
public class RecommendationReadModel {

    /** Every version, which the reports "as of" a time read; table {@code recommendation} holds the latest. */
    public static final VersionTable VERSIONS = new VersionTable("recommendation_version", """
            topic_prefix, topic, title, ownership, target_quarter, status, coordination,
                coordination_rationale, depends_on, retired, programme""", """
            :topicPrefix, :topic, :title, :ownership, :targetQuarter, :status, :coordination, :rationale,
                :dependsOn, :retired, :programme""");

    private final JdbcClient jdbc;

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
        VERSIONS.record(jdbc, row(state, version, happenedAt));
        return jdbc.sql("""
                INSERT INTO recommendation (id, topic, title, status, retired, version, updated_at, programme)
                VALUES (:id, :topic, :title, :status, :retired, :version, :updatedAt, :programme)
                ON CONFLICT (id) DO UPDATE SET
                    programme = EXCLUDED.programme, topic = EXCLUDED.topic, title = EXCLUDED.title, status = EXCLUDED.status,
                    retired = EXCLUDED.retired, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
                WHERE recommendation.version < EXCLUDED.version""")
                .param("id", state.id())
                .param("topic", state.topic())
                .param("title", state.title())
                .param("status", state.status().name())
                .param("retired", state.retired())
                .param("programme", Programmes.of(state))
                .param("version", version)
                .param("updatedAt", OffsetDateTime.ofInstant(happenedAt, ZoneOffset.UTC))
                .update() == 1;
    }

    /** One version's values for {@link #VERSIONS}. */
    public static SqlParameterSource row(RecommendationSnapshot state, long version, Instant effectiveAt) {
        return VersionTable.row(state.id(), version, effectiveAt)
                .addValue("topicPrefix", state.topicPrefix())
                .addValue("topic", state.topic())
                .addValue("title", state.title())
                .addValue("ownership", state.ownership() == null ? null : state.ownership().name())
                .addValue("targetQuarter", state.targetQuarter())
                .addValue("status", state.status().name())
                .addValue("coordination", state.coordination() == null ? "NONE" : state.coordination().name())
                .addValue("rationale", state.coordinationRationale())
                .addValue("dependsOn", state.dependsOn() == null ? new String[0] : state.dependsOn().toArray(String[]::new))
                .addValue("retired", state.retired())
                .addValue("programme", Programmes.of(state));
    }

    /** Whether any recommendation of {@code programme} has been seen, retired ones included. */
    public boolean knows(String programme) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM recommendation WHERE programme = :programme)")
                .param("programme", programme).query(Boolean.class).single();
    }

    /**
     * How many of one programme's recommendations in the catalogue (not retired) are in each status
     * (statuses with none may be absent), in one consistent read: the counts its table's triggers keep
     * (migration V10) and the newest change, from the same snapshot as the rows.
     */
    public StatusCounts countByStatus(String programme) {
        List<StatusRow> rows = jdbc.sql("""
                SELECT counts.status, counts.n,
                       (SELECT max(updated_at) FROM recommendation WHERE programme = :programme) AS latest
                FROM (SELECT status, sum(counted) AS n FROM recommendation_status_count
                      WHERE programme = :programme GROUP BY status) counts""")
                .param("programme", programme)
                .query((rs, row) -> new StatusRow(RecommendationStatus.valueOf(rs.getString("status")), rs.getLong("n"),
                        rs.getObject("latest", OffsetDateTime.class)))
                .list();
        Map<RecommendationStatus, Long> counts = new EnumMap<>(RecommendationStatus.class);
        rows.forEach(row -> counts.put(row.status(), row.count()));
        // the same newest change on every row; none while the programme has no recommendation
        OffsetDateTime latest = rows.isEmpty() ? null : rows.get(0).latest();
        return new StatusCounts(counts, latest == null ? null : latest.toInstant());
    }

    private record StatusRow(RecommendationStatus status, long count, OffsetDateTime latest) {
    }

    /**
     * @param latestChange when the newest change held happened; null while nothing is held
     */
    public record StatusCounts(Map<RecommendationStatus, Long> byStatus, Instant latestChange) {
    }
}
