package org.ws2.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The events phase's two fixed-rate runs against a stand-in for the whole stack whose read model counts a write
 * {@link #LAG} after it was accepted, and whose one process is this JVM (its pid file under a temporary
 * {@code run/}): the CPU pass reads the summary only after the last acknowledgement, a few times, and says so;
 * the latency run polls throughout.
 */
class WriteToReadModelTest {

    private static final long LAG = TimeUnit.MILLISECONDS.toNanos(300);

    private HttpServer stack;
    /** When each write was accepted, and when each summary was read. */
    private final Queue<Long> accepted = new ConcurrentLinkedQueue<>();
    private final Queue<Long> summaries = new ConcurrentLinkedQueue<>();
    private WriteToReadModel events;

    @BeforeEach
    void standIn(@TempDir Path ws2Home) throws Exception {
        stack = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stack.setExecutor(Executors.newFixedThreadPool(4));
        stack.createContext("/api/recommendations", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                exchange.getRequestBody().readAllBytes();
                accepted.add(System.nanoTime());
                exchange.sendResponseHeaders(201, -1);
                exchange.close();
                return;
            }
            // the catalogue counts a write at once, all of them not started
            String query = exchange.getRequestURI().getQuery();
            long total = query.contains("status=") && !query.contains("status=NOT_STARTED") ? 0 : accepted.size();
            json(exchange, "{\"items\":[],\"page\":0,\"size\":1,\"total\":" + total + ",\"asOf\":null}");
        });
        stack.createContext("/api/reports/summary", exchange -> {
            long now = System.nanoTime();
            summaries.add(now);
            long applied = accepted.stream().filter(t -> now - t >= LAG).count();
            json(exchange, "{\"total\":" + applied + ",\"byStatus\":{\"NOT_STARTED\":" + applied + ",\"PLANNING\":0,"
                    + "\"IN_PROGRESS\":0,\"DOCUMENTING\":0,\"IMPLEMENTED\":0,\"ON_HOLD\":0},\"asOf\":null}");
        });
        stack.start();

        Files.createDirectories(ws2Home.resolve("run"));
        Files.writeString(ws2Home.resolve("run").resolve("stand-in.pid"), ProcessHandle.current().pid() + " 0");
        String url = "http://127.0.0.1:" + stack.getAddress().getPort();
        Options options = Options.parse(new String[] { "--token", "t", "--gateway", url, "--recommendations", url,
                "--reporting", url, "--write-rate", "50", "--write-seconds", "1" });
        events = new WriteToReadModel(new StackClient(options), options, new StackProcesses(ws2Home));
    }

    @AfterEach
    void stop() {
        stack.stop(0);
    }

    @Test
    void theCpuPassReadsTheSummaryOnlyAfterTheLastAcknowledgementAndCountsThosePolls() throws Exception {
        Result result = events.cpuPass();

        long firstWrite = accepted.stream().min(Long::compare).orElseThrow();
        long lastWrite = accepted.stream().max(Long::compare).orElseThrow();
        assertThat(summaries).noneMatch(t -> t >= firstWrite && t <= lastWrite);
        List<Long> afterTheWrites = summaries.stream().filter(t -> t > lastWrite).toList();
        WriteToReadModel.CpuPerWrite cpu = events.cpuPerWrite().orElseThrow();
        assertThat(cpu.writes()).isEqualTo(50);
        assertThat(cpu.summaryPolls()).isEqualTo(afterTheWrites.size()).isBetween(2, 5);
        assertThat(cpu.caughtUpSeconds()).isBetween(0.2, 1.5);
        assertThat(cpu.byComponent()).containsOnlyKeys("stand-in");
        assertThat(cpu.total()).isPositive();
        assertThat(result.count()).isEqualTo(50);
        assertThat(result.errors()).isZero();
        assertThat(result.note).contains("50 acknowledged, 0 failed {}; read model caught up ")
                .contains("CPU per acknowledged write ").contains(", the fast poller excluded, these " + cpu.summaryPolls()
                        + " summary polls included (stand-in ");
        assertThat(events.cpuPerWriteWithPoller()).isEmpty();
    }

    @Test
    void theLatencyRunPollsThroughoutAndItsCpuFigureSaysSo() throws Exception {
        Result result = events.run();

        long firstWrite = accepted.stream().min(Long::compare).orElseThrow();
        long lastWrite = accepted.stream().max(Long::compare).orElseThrow();
        WriteToReadModel.CpuPerWrite cpu = events.cpuPerWriteWithPoller().orElseThrow();
        assertThat(summaries.stream().filter(t -> t >= firstWrite && t <= lastWrite).count()).isGreaterThan(10);
        assertThat(cpu.summaryPolls()).isGreaterThan(10);
        assertThat(cpu.caughtUpSeconds()).isBetween(0.2, 1.5);
        // every write is seen about LAG after it was acknowledged
        assertThat(result.count()).isEqualTo(50);
        assertThat(result.errors()).isZero();
        assertThat(result.percentile(50)).isBetween(200.0, 1_500.0);
        assertThat(result.note).contains(cpu.summaryPolls() + " polls; CPU per acknowledged write ")
                .contains(" including this run's summary poller (stand-in ");
        assertThat(events.cpuPerWrite()).isEmpty();
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
