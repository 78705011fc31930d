package org.ws2.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The comparison that says reporting's read model has applied every change, and the bounded wait for it. */
class ReadModelCatchUpTest {

    /** A clock that moves only when the wait pauses, so that a minute's stall takes no time. */
    private final AtomicLong nanos = new AtomicLong();
    private int pauses;

    @Test
    void readsTheSummarysCountsPerStatus() {
        String summary = """
                {"total":94,"byStatus":{"NOT_STARTED":84,"PLANNING":0,"IN_PROGRESS":0,"DOCUMENTING":0,"IMPLEMENTED":10,\
                "ON_HOLD":0},"byPublicStatus":{"NOT_STARTED":84,"IN_PROGRESS":0,"COMPLETE":10},"asOf":"2021-05-01T09:00:00Z"}""";

        assertThat(ReadModelCatchUp.byStatus(summary)).containsExactly(Map.entry("NOT_STARTED", 84L),
                Map.entry("PLANNING", 0L), Map.entry("IN_PROGRESS", 0L), Map.entry("DOCUMENTING", 0L),
                Map.entry("IMPLEMENTED", 10L), Map.entry("ON_HOLD", 0L));
        assertThat(ReadModelCatchUp.total(summary)).isEqualTo(94);
    }

    @Test
    void equalCountsPerStatusAreNoDifferenceAndAStatusOnlyOneSideListsCountsAsZero() {
        assertThat(ReadModelCatchUp.difference(counts(84, 10), counts(84, 10))).isEmpty();
        assertThat(ReadModelCatchUp.difference(Map.of("NOT_STARTED", 84L), counts(84, 0))).isEmpty();
        assertThat(ReadModelCatchUp.difference(counts(85, 9), counts(84, 10))).hasValueSatisfying(d -> assertThat(d)
                .contains("IMPLEMENTED 10 in the read model, 9 in the catalogue")
                .contains("NOT_STARTED 84 in the read model, 85 in the catalogue")
                .contains("in all 94 against 94"));
    }

    @Test
    void aCatalogueWithRetiredRecommendationsIsCaughtUpWithTheSummaryThatLeavesThemOut() throws Exception {
        // the catalogue's table holds 95 (one retired); both sides count 94 not retired
        ReadModelCatchUp.CaughtUp caughtUp = wait(source(85, 9), counts(85, 9)).await();

        assertThat(caughtUp.total()).isEqualTo(94);
        assertThat(pauses).isZero();
    }

    @Test
    void waitsUntilTheReadModelHasAppliedTheCreationsBehindIt() throws Exception {
        ReadModelCatchUp.CaughtUp caughtUp = wait(source(120, 10), counts(84, 10), counts(100, 10), counts(120, 10))
                .await();

        assertThat(caughtUp.total()).isEqualTo(130);
        assertThat(pauses).isEqualTo(2);
    }

    @Test
    void aRetirementAndACreationBothNotYetAppliedAreNotTakenForCaughtUp() throws Exception {
        // an IMPLEMENTED one retired and a new one created: the totals agree (94), the statuses do not
        ReadModelCatchUp.CaughtUp caughtUp = wait(source(85, 9), counts(84, 10), counts(85, 10), counts(85, 9)).await();

        assertThat(caughtUp.total()).isEqualTo(94);
        assertThat(pauses).isEqualTo(2);
    }

    @Test
    void aStatusChangeNotYetAppliedIsWaitedFor() throws Exception {
        ReadModelCatchUp.CaughtUp caughtUp = wait(source(83, 11), counts(84, 10), counts(83, 11)).await();

        assertThat(caughtUp.total()).isEqualTo(94);
        assertThat(pauses).isEqualTo(1);
    }

    @Test
    void aReadModelThatStopsMovingFailsAfterAMinuteSayingWhatEachSideHolds() {
        assertThatThrownBy(() -> wait(source(120, 10), counts(84, 10)).await())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has not changed for 60 s")
                .hasMessageContaining("NOT_STARTED 84 in the read model, 120 in the catalogue")
                .hasMessageContaining("is reporting-service running and consuming");
        assertThat(Duration.ofNanos(nanos.get())).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(61));
    }

    @Test
    void aReadModelHoldingMoreThanTheCatalogueFailsWithWhatThatMeans() {
        assertThatThrownBy(() -> wait(source(80, 10), counts(84, 10)).await())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NOT_STARTED 84 in the read model, 80 in the catalogue")
                .hasMessageContaining("from different runs");
    }

    @Test
    void aReadModelThatMovesButNeverCatchesUpFailsAfterTheLimit() {
        AtomicLong applied = new AtomicLong();
        ReadModelCatchUp.Counts chasing = new ReadModelCatchUp.Counts() {
            @Override
            public Map<String, Long> readModel() {
                return counts(applied.incrementAndGet(), 0);
            }

            @Override
            public long sourceTotal() {
                return applied.get() + 100; // someone else writes as fast as it applies
            }

            @Override
            public long source(String status) {
                return status.equals("NOT_STARTED") ? sourceTotal() : 0;
            }
        };
        assertThatThrownBy(() -> new ReadModelCatchUp(chasing, this::pause, nanos::get).await())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("still behind after 20 minutes");
    }

    private ReadModelCatchUp wait(Map<String, Long> source, Map<String, Long> first, Map<String, Long>... later) {
        Deque<Map<String, Long>> readModel = new ArrayDeque<>();
        readModel.add(first);
        readModel.addAll(java.util.List.of(later));
        return new ReadModelCatchUp(new ReadModelCatchUp.Counts() {
            @Override
            public Map<String, Long> readModel() {
                // the last answer stays once the read model stops moving
                return readModel.size() > 1 ? readModel.poll() : readModel.peek();
            }

            @Override
            public long sourceTotal() {
                return ReadModelCatchUp.total(source);
            }

            @Override
            public long source(String status) {
                return source.getOrDefault(status, 0L);
            }
        }, this::pause, nanos::get);
    }

    private void pause(Duration length) {
        pauses++;
        nanos.addAndGet(length.toNanos());
    }

    /** The catalogue's counts, not retired: what its list answers per status. */
    private static Map<String, Long> source(long notStarted, long implemented) {
        return counts(notStarted, implemented);
    }

    /** Counts per status as the summary lists them: every status, 0 where there are none. */
    private static Map<String, Long> counts(long notStarted, long implemented) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String status : new String[] { "NOT_STARTED", "PLANNING", "IN_PROGRESS", "DOCUMENTING", "IMPLEMENTED",
                "ON_HOLD" }) {
            counts.put(status, 0L);
        }
        counts.put("NOT_STARTED", notStarted);
        counts.put("IMPLEMENTED", implemented);
        return counts;
    }
}
