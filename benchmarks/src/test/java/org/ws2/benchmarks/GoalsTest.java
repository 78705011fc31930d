package org.ws2.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Issue 23's table from whatever phases ran: measured rows with their figures, the rest saying how to measure them. */
class GoalsTest {

    private final Options options = Options.parse(new String[] { "--token", "t" });

    @Test
    void aRunOfTheReadsAloneFillsTheGatewayRowAndSaysHowToMeasureTheRest() {
        Goals goals = new Goals(options);
        goals.readsDirect = result("direct", 44_000, 10);
        goals.readsGateway = result("gateway", 17_000, 10);
        goals.readsBare = result("bare route", 20_000, 10);

        List<Goals.Row> rows = goals.rows();

        assertThat(rows).hasSize(8);
        Goals.Row gateway = rows.get(4);
        assertThat(gateway.now()).contains("ours 1,700 rps, bare route 2,000 rps: **0.85×**; direct 4,400");
        assertThat(gateway.met()).contains(false);
        assertThat(rows.get(0).now()).isEqualTo("not measured in this run (`--phases writes`)");
        assertThat(rows.get(2).now()).contains("`--phases events`");
        assertThat(rows.get(7).now()).contains("`--phases lists`");
        assertThat(rows).filteredOn(r -> r != gateway).allSatisfy(r -> assertThat(r.met()).isEmpty());
        assertThat(goals.markdown()).startsWith("| figure | now (this run) | goal (issue 23) | met |\n|---|---|---|---|\n")
                .contains("| ≥ 0.95× the bare route in the same run, with every feature on | **no** |");
    }

    @Test
    void writesListsAndMemoryAreJudgedAgainstTheirGoals() {
        Goals goals = new Goals(options);
        Result writes = result("gateway", 6_000, 10);
        writes.readModelBehind = 0.4;
        goals.writesThroughGateway = writes;
        goals.serviceRss = Map.of("gateway", 250L, "reporting-service", 310L);
        Map<String, Result> pages = new LinkedHashMap<>();
        pages.put("first", result("gateway", 100, 10));
        goals.listPages = pages;
        goals.catalogue = 13_600;

        List<Goals.Row> rows = goals.rows();

        assertThat(rows.get(0).now()).startsWith("**600/s**; the read model 0.4 s behind at the last acknowledgement; 0 lost");
        assertThat(rows.get(0).met()).contains(true);
        assertThat(rows.get(6).now()).startsWith("largest **310 MB** (reporting-service)");
        assertThat(rows.get(6).met()).contains(false);
        assertThat(rows.get(7).figure()).isEqualTo("50-item page at 13,600 recommendations through the gateway, 1 reader");
        assertThat(rows.get(7).now()).isEqualTo("first 5 ms (p99)");
        assertThat(rows.get(7).met()).contains(true);
    }

    /** {@code count} requests in {@code seconds}, every one taking 5 ms. */
    private static Result result(String via, long count, double seconds) {
        Sample sample = new Sample();
        for (long i = 0; i < count; i++) {
            sample.record(5_000_000, true);
        }
        sample.count = count;
        sample.seconds = seconds;
        return new Result("GET /api/recommendations/2.1", via).add(sample);
    }
}
