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

    @Test
    void theCpuPerWriteIsTheCpuPassesWithTheProbeExcludedAndTheLatencyRunsBesideIt() {
        Goals goals = new Goals(options);
        goals.cpuPerWrite = new WriteToReadModel.CpuPerWrite(Map.of("postgres", 4_000.0, "gateway", 8_000.0), 4_000, 3,
                0.42);
        goals.cpuPerWriteWithPoller = new WriteToReadModel.CpuPerWrite(Map.of("postgres", 20_000.0, "gateway", 30_000.0),
                4_000, 1_850, 0.01);

        Goals.Row cpu = goals.rows().get(1);

        assertThat(cpu.figure()).contains("the read-model probe excluded");
        assertThat(cpu.now()).startsWith("**3.0 ms** (gateway 2.0, postgres 1.0), over 4,000 writes at 200/s with no "
                + "summary poller, until the read model had the last, 0.4 s after its acknowledgement (3 summary polls "
                + "200 ms apart in the window); 12.5 ms in the latency run, its fast poller's 1,850 summaries included");
        assertThat(cpu.met()).contains(true);
    }

    @Test
    void aCpuPassWhoseReadModelDidNotCatchUpIsJudgedOnlyWhenItIsOverTheGoalAlready() {
        Goals goals = new Goals(options);
        goals.cpuPerWrite = new WriteToReadModel.CpuPerWrite(Map.of("postgres", 12_000.0), 4_000, 151, Double.NaN);
        assertThat(goals.rows().get(1).now()).contains("the read model still behind 30 s after the last acknowledgement");
        assertThat(goals.rows().get(1).met()).isEmpty();

        goals.cpuPerWrite = new WriteToReadModel.CpuPerWrite(Map.of("postgres", 20_000.0), 4_000, 151, Double.NaN);
        assertThat(goals.rows().get(1).met()).contains(false);
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
