package org.ws2.reporting.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.reporting.recommendation.RecommendationReadModel.StatusCounts;
import org.ws2.testsupport.ServiceIntegrationTest;

/**
 * The summary's counts are kept by the read model's own triggers (migration V10), not counted on each read: after
 * every kind of change to the table, by hand as well as by the consumer, they must equal a count of the rows, and
 * the newest change must be the rows' newest. Each test changes rows of a programme of its own in a transaction it
 * rolls back, so the shared database keeps nothing of it (the consumer's path is RecommendationSummaryIT's).
 */
@ServiceIntegrationTest
class StatusCountsIT {

    private static final String PROGRAMME = "COUNTS-IT";
    private static final String OTHER = "COUNTS-IT-OTHER";
    private static final OffsetDateTime T0 = OffsetDateTime.of(2021, 4, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    RecommendationReadModel readModel;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everyChangeByHandKeepsTheCountsAndTheNewestChange() {
        inARolledBackTransaction(() -> {
            assertThat(readModel.countByStatus(PROGRAMME).byStatus().values()).allMatch(n -> n == 0);
            assertThat(readModel.countByStatus(PROGRAMME).latestChange()).isNull();

            insert("C.1", "NOT_STARTED", false, T0);
            insert("C.2", "NOT_STARTED", false, T0.plusDays(1));
            insert("C.3", "PLANNING", false, T0.plusDays(2));
            insert("C.4", "IN_PROGRESS", true, T0.plusDays(3));
            assertKeptAsCounted();
            assertThat(readModel.countByStatus(PROGRAMME).byStatus())
                    .containsEntry(RecommendationStatus.NOT_STARTED, 2L)
                    .containsEntry(RecommendationStatus.PLANNING, 1L);

            change("UPDATE recommendation SET status = 'PLANNING', updated_at = :at WHERE id = 'C.1'", T0.plusDays(4));
            assertKeptAsCounted();
            change("UPDATE recommendation SET retired = true WHERE id = 'C.2'", null);
            assertKeptAsCounted();
            change("UPDATE recommendation SET retired = false, status = 'DOCUMENTING' WHERE id = 'C.4'", null);
            assertKeptAsCounted();
            change("UPDATE recommendation SET title = 'Renamed', version = version + 1 WHERE programme = '" + PROGRAMME + "'", null);
            assertKeptAsCounted();
            change("UPDATE recommendation SET programme = '" + OTHER + "' WHERE id = 'C.3'", null);
            assertKeptAsCounted();
            // a back-dated change: the newest change is the rows' newest again, not the highest ever seen
            change("UPDATE recommendation SET updated_at = :at WHERE id = 'C.1'", T0.minusDays(1));
            assertKeptAsCounted();
            change("DELETE FROM recommendation WHERE id = 'C.4'", null);
            assertKeptAsCounted();
            // an insert the consumer's upsert turns into an update
            change("""
                    INSERT INTO recommendation (id, topic, title, status, retired, version, updated_at, programme)
                    VALUES ('C.1', 'T', 'C.1', 'IMPLEMENTED', false, 99, :at, 'COUNTS-IT')
                    ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, version = EXCLUDED.version,
                        updated_at = EXCLUDED.updated_at""", T0.plusDays(9));
            assertKeptAsCounted();
            assertThat(readModel.countByStatus(PROGRAMME).byStatus()).containsEntry(RecommendationStatus.IMPLEMENTED, 1L);

            change("TRUNCATE recommendation", null);
            assertThat(readModel.countByStatus(PROGRAMME).byStatus().values()).allMatch(n -> n == 0);
            assertThat(readModel.countByStatus(OTHER).byStatus().values()).allMatch(n -> n == 0);
            insert("C.5", "ON_HOLD", false, T0);
            assertKeptAsCounted();
        });
    }

    /** The kept counts and newest change of both test programmes equal what the rows say, in this transaction. */
    private void assertKeptAsCounted() {
        for (String programme : new String[] { PROGRAMME, OTHER }) {
            StatusCounts kept = readModel.countByStatus(programme);
            Map<RecommendationStatus, Long> counted = new EnumMap<>(RecommendationStatus.class);
            jdbc.sql("SELECT status, count(*) AS n FROM recommendation WHERE programme = :p AND NOT retired GROUP BY status")
                    .param("p", programme)
                    .query((rs, row) -> counted.put(RecommendationStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                    .list();
            Map<RecommendationStatus, Long> keptNonZero = new EnumMap<>(RecommendationStatus.class);
            kept.byStatus().forEach((status, n) -> {
                if (n != 0) {
                    keptNonZero.put(status, n);
                }
            });
            assertThat(keptNonZero).as(programme).isEqualTo(counted);
            Instant newest = jdbc.sql("SELECT max(updated_at) FROM recommendation WHERE programme = :p").param("p", programme)
                    .query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant).orElse(null);
            assertThat(kept.latestChange()).as(programme).isEqualTo(newest);
        }
    }

    private void insert(String id, String status, boolean retired, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO recommendation (id, topic, title, status, retired, version, updated_at, programme)
                VALUES (:id, 'T', :id, :status, :retired, 0, :at, :programme)""")
                .param("id", id).param("status", status).param("retired", retired).param("at", at)
                .param("programme", PROGRAMME).update();
    }

    private void change(String sql, OffsetDateTime at) {
        var statement = jdbc.sql(sql);
        if (at != null) {
            statement = statement.param("at", at);
        }
        statement.update();
    }

    private void inARolledBackTransaction(Runnable changes) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            changes.run();
            tx.setRollbackOnly();
        });
    }
}
