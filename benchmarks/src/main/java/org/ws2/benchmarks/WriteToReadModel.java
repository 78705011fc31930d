package org.ws2.benchmarks;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The {@code events} phase. First one writer at a time through the gateway, each write followed until the
 * reporting service's summary counts it; then open-loop writes at a fixed rate through the gateway while one
 * poller reads the summary as fast as it answers. The read model's total grows by one per applied creation,
 * so the k-th acknowledged write is taken as visible when the total first reaches {@code base + k}: exact
 * when events apply in order, and within one poll interval otherwise. Last, the same fixed-rate writes again
 * with no poller, for the CPU per acknowledged write: around them, until the read model has the last one, the
 * CPU time of every process of the stack (where its pid files are found). Each poll costs the stack a full
 * aggregate over the read model (10-15 ms of CPU), so the latency run's own CPU figure charges its probe to
 * the writes; it is printed beside, labelled so, to be compared.
 */
final class WriteToReadModel {

    /** How long the CPU pass waits between summary polls: a handful of polls in all, not a stream of them. */
    static final Duration CPU_PASS_POLL = Duration.ofMillis(200);
    /** The stack's CPU use is read over this long before the CPU pass, idle: what it would use without the writes. */
    static final Duration IDLE = Duration.ofSeconds(3);
    /** After the last acknowledgement: a read model still behind after this is reported as not caught up. */
    static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(30);

    /**
     * @param byComponent     CPU milliseconds each of the stack's processes used, descendants included
     * @param writes          acknowledged writes they are divided by
     * @param summaryPolls    reads of the summary made by the benchmark inside the measured window, whose CPU
     *                        is in {@code byComponent} too
     * @param caughtUpSeconds how long after the last acknowledgement the summary first counted every acknowledged
     *                        write (to within the poll interval); NaN when it had not after {@link #CATCH_UP_LIMIT}
     *                        (the window then ends before the stack's work does)
     */
    record CpuPerWrite(Map<String, Double> byComponent, long writes, int summaryPolls, double caughtUpSeconds) {

        double total() {
            return byComponent.values().stream().mapToDouble(Double::doubleValue).sum() / writes;
        }

        /** e.g. {@code postgres 5.7, recommendations-service 2.8}, most first. */
        String breakdown() {
            return byComponent.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / writes))
                    .collect(Collectors.joining(", "));
        }

        boolean caughtUp() {
            return !Double.isNaN(caughtUpSeconds);
        }
    }

    /**
     * What one open-loop run left: when each acknowledged write was acknowledged, in the order they were
     * ({@code ackedAt[0..acked)}), how long each took to answer, and what failed.
     */
    private record OpenLoop(long[] ackedAt, int acked, int failed, Map<String, AtomicInteger> failures,
            Sample acknowledgements, double offeredSeconds) {

        long lastAcknowledged() {
            return ackedAt[acked - 1];
        }
    }

    private final StackClient stack;
    private final Options options;
    private final StackProcesses processes;
    private CpuPerWrite cpuPerWrite;
    private CpuPerWrite cpuPerWriteWithPoller;

    WriteToReadModel(StackClient stack, Options options, StackProcesses processes) {
        this.stack = stack;
        this.options = options;
        this.processes = processes;
    }

    /** The CPU per acknowledged write in {@link #cpuPass()}, the probe excluded, if the stack's processes were found. */
    Optional<CpuPerWrite> cpuPerWrite() {
        return Optional.ofNullable(cpuPerWrite);
    }

    /** The CPU per acknowledged write in {@link #run()}: its fast summary poller's cost included. */
    Optional<CpuPerWrite> cpuPerWriteWithPoller() {
        return Optional.ofNullable(cpuPerWriteWithPoller);
    }

    /** {@code --single-writes} writes through the gateway, each sent once the one before is visible. */
    Result oneAtATime() throws Exception {
        System.out.printf(Locale.ROOT, "write -> read model: %d writes through the gateway, one at a time...%n",
                options.singleWrites);
        long base = stack.awaitReadModelCaughtUp().total();
        Sample sample = new Sample();
        Map<String, Integer> failures = new TreeMap<>();
        int missing = 0;
        long start = System.nanoTime();
        for (int i = 0; i < options.singleWrites; i++) {
            String failure;
            try {
                HttpResponse<Void> response = stack.http().send(stack.post(options.gateway),
                        HttpResponse.BodyHandlers.discarding());
                failure = response.statusCode() == 201 ? null : String.valueOf(response.statusCode());
            } catch (IOException e) {
                failure = e.getClass().getSimpleName();
            }
            if (failure != null) {
                failures.merge(failure, 1, Integer::sum);
                sample.errors++;
                continue;
            }
            long acknowledged = System.nanoTime();
            base++;
            long deadline = acknowledged + Duration.ofSeconds(30).toNanos();
            // polled as fast as the summary answers: the latency is what is measured, to within one poll
            boolean visible;
            do {
                visible = stack.summaryTotal() >= base;
            } while (!visible && System.nanoTime() < deadline);
            long seen = System.nanoTime();
            if (!visible) {
                missing++;
                base = stack.summaryTotal(); // the next write is timed from what the read model counts then
                continue;
            }
            sample.record(seen - acknowledged, true);
        }
        sample.seconds = (System.nanoTime() - start) / 1e9;
        sample.count = sample.latencies.size();
        sample.errors += missing;
        Result result = new Result("write acknowledged -> visible in /api/reports/summary, one writer at a time", "gateway");
        result.add(sample);
        result.note = String.format(Locale.ROOT, "%d writes, %d acknowledged and seen, failed %s, %d not seen in 30 s",
                options.singleWrites, sample.latencies.size(), failures, missing);
        return result;
    }

    /** The fixed-rate writes with a poller reading the summary as fast as it answers: write -> visible, timed. */
    Result run() throws Exception {
        System.out.printf(Locale.ROOT, "write -> read model: %d writes/s for %d s through the gateway...%n",
                options.writeRate, options.writeSeconds);
        long base = stack.awaitReadModelCaughtUp().total();
        Map<String, Double> cpuBefore = processes.cpuMillis();
        ConcurrentLinkedQueue<long[]> polls = new ConcurrentLinkedQueue<>();
        Thread poller = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    long total = stack.summaryTotal();
                    polls.add(new long[] { System.nanoTime(), total });
                } catch (IOException e) {
                    // a failed poll is only a gap in the time line
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "summary-poller");
        poller.start();
        OpenLoop writes = writeAtFixedRate();
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        poller.interrupt();
        poller.join();
        // go on polling here until every acknowledged write is counted, so that the last ones are on the time line too
        for (long total = stack.summaryTotal(); total < base + writes.acked() && System.nanoTime() < deadline; total = stack.summaryTotal()) {
            polls.add(new long[] { System.nanoTime(), total });
            Thread.sleep(5);
        }
        polls.add(new long[] { System.nanoTime(), stack.summaryTotal() });
        Map<String, Double> cpuAfter = processes.cpuMillis();

        List<long[]> timeline = new ArrayList<>(polls);
        Result result = new Result("write acknowledged -> visible in /api/reports/summary", "gateway");
        Sample sample = new Sample();
        int missing = 0;
        int p = 0;
        for (int k = 0; k < writes.acked(); k++) {
            while (p < timeline.size() && timeline.get(p)[1] < base + k + 1) {
                p++;
            }
            if (p == timeline.size()) {
                missing++;
                continue;
            }
            sample.record(Math.max(0, timeline.get(p)[0] - writes.ackedAt()[k]), true);
        }
        if (!cpuBefore.isEmpty() && writes.acked() > 0) {
            // the whole time line is inside the window: every poll, the last ones' included
            long lastSeen = missing > 0 ? -1 : timeline.get(p)[0];
            cpuPerWriteWithPoller = new CpuPerWrite(StackProcesses.used(cpuBefore, cpuAfter), writes.acked(),
                    timeline.size(), lastSeen < 0 ? Double.NaN : Math.max(0, lastSeen - writes.lastAcknowledged()) / 1e9);
        }
        sample.errors = writes.failed() + missing;
        sample.seconds = writes.offeredSeconds();
        sample.count = writes.acked();
        result.add(sample);
        result.note = String.format(Locale.ROOT, "%d writes/s offered, %d acknowledged, %d failed %s, %d not seen in %d s, %d polls",
                options.writeRate, writes.acked(), writes.failed(), writes.failures(), missing, CATCH_UP_LIMIT.toSeconds(),
                timeline.size())
                + cpuPerWriteWithPoller().map(c -> String.format(Locale.ROOT, "; CPU per acknowledged write %.1f ms "
                        + "including this run's summary poller (%s)", c.total(), c.breakdown())).orElse("");
        return result;
    }

    /**
     * The same fixed-rate writes with no poller while they are sent: the CPU per acknowledged write that issue
     * 23's goal is about. After the last acknowledgement the summary is read every {@link #CPU_PASS_POLL} until it
     * counts every acknowledged write, and the CPU is read then; those few polls are in the window, and counted.
     */
    Result cpuPass() throws Exception {
        System.out.printf(Locale.ROOT, "CPU per write: %d writes/s for %d s through the gateway, no summary poller...%n",
                options.writeRate, options.writeSeconds);
        long base = stack.awaitReadModelCaughtUp().total();
        // what the stack uses doing nothing is in the window too; shown, not subtracted
        Map<String, Double> idleFrom = processes.cpuMillis();
        if (!idleFrom.isEmpty()) {
            Thread.sleep(IDLE.toMillis());
        }
        Map<String, Double> cpuBefore = processes.cpuMillis();
        double idlePerSecond = StackProcesses.used(idleFrom, cpuBefore).values().stream().mapToDouble(Double::doubleValue)
                .sum() / IDLE.toSeconds();
        long windowStart = System.nanoTime();

        OpenLoop writes = writeAtFixedRate();
        long target = base + writes.acked();
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        int polls = 0;
        long total;
        long seenAt;
        while (true) {
            total = stack.summaryTotal();
            seenAt = System.nanoTime();
            polls++;
            if (total >= target || seenAt >= deadline) {
                break;
            }
            Thread.sleep(CPU_PASS_POLL.toMillis());
        }
        Map<String, Double> cpuAfter = processes.cpuMillis();
        double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
        boolean caughtUp = writes.acked() > 0 && total >= target;
        double caughtUpSeconds = caughtUp ? Math.max(0, seenAt - writes.lastAcknowledged()) / 1e9 : Double.NaN;
        if (!cpuBefore.isEmpty() && writes.acked() > 0) {
            cpuPerWrite = new CpuPerWrite(StackProcesses.used(cpuBefore, cpuAfter), writes.acked(), polls, caughtUpSeconds);
        }

        Sample sample = writes.acknowledgements();
        sample.errors = writes.failed();
        sample.seconds = writes.offeredSeconds();
        sample.count = writes.acked();
        Result result = new Result("POST /api/recommendations at a fixed rate, no summary poller (CPU per write)", "gateway");
        result.add(sample);
        String behind = caughtUp
                ? String.format(Locale.ROOT, "read model caught up %.1f s after the last acknowledgement (polled every "
                        + "%d ms, so up to that much less)", caughtUpSeconds, CPU_PASS_POLL.toMillis())
                : String.format(Locale.ROOT, "read model NOT caught up %d s after the last acknowledgement (%d of %d)",
                        CATCH_UP_LIMIT.toSeconds(), total - base, writes.acked());
        result.note = String.format(Locale.ROOT, "%d writes/s offered, %d acknowledged, %d failed %s; %s",
                options.writeRate, writes.acked(), writes.failed(), writes.failures(), behind)
                + cpuPerWrite().map(c -> String.format(Locale.ROOT, "; CPU per acknowledged write %.1f ms, the fast "
                        + "poller excluded, these %d summary polls included (%s); the stack idle just before used %.0f ms "
                        + "of CPU a second, %.1f ms per write over this %.1f s window", c.total(), c.summaryPolls(),
                        c.breakdown(), idlePerSecond, idlePerSecond * windowSeconds / c.writes(), windowSeconds))
                        .orElse("");
        return result;
    }

    /**
     * {@code --write-rate} writes a second for {@code --write-seconds} through the gateway, each sent at its
     * time whatever the ones before it are doing (open loop: a slow stack gets the same offered rate, and its
     * backlog shows); returns once every one has answered.
     */
    private OpenLoop writeAtFixedRate() throws InterruptedException {
        int writes = options.writeRate * options.writeSeconds;
        long[] ackedAt = new long[writes];
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentHashMap<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        Sample acknowledgements = new Sample();
        CountDownLatch done = new CountDownLatch(writes);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / options.writeRate;
        for (int i = 0; i < writes; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long sent = System.nanoTime();
            stack.http().sendAsync(stack.post(options.gateway), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() == 201) {
                    long now;
                    // under the lock, so that the times are in the order of their indexes
                    synchronized (ackedAt) {
                        now = System.nanoTime();
                        ackedAt[acked.getAndIncrement()] = now;
                    }
                    acknowledgements.record(now - sent, true);
                } else {
                    failed.incrementAndGet();
                    // sendAsync wraps what went wrong (a connect timeout, a reset) in a CompletionException
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    String kind = cause != null ? cause.getClass().getSimpleName() : String.valueOf(response.statusCode());
                    failures.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                }
                done.countDown();
            });
        }
        double offeredSeconds = (System.nanoTime() - start) / 1e9;
        done.await();
        return new OpenLoop(ackedAt, acked.get(), failed.get(), failures, acknowledgements, offeredSeconds);
    }
}
