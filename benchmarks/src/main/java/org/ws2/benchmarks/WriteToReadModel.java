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
 * when events apply in order, and within one poll interval otherwise. Around the fixed-rate writes, until
 * the last acknowledged one is visible, the CPU time of every process of the stack (where its pid files are
 * found): the CPU per acknowledged write.
 */
final class WriteToReadModel {

    /**
     * @param byComponent CPU milliseconds each of the stack's processes used, descendants included
     * @param writes      acknowledged writes they are divided by
     */
    record CpuPerWrite(Map<String, Double> byComponent, long writes) {

        double total() {
            return byComponent.values().stream().mapToDouble(Double::doubleValue).sum() / writes;
        }

        /** e.g. {@code postgres 5.7, recommendations-service 2.8}, most first. */
        String breakdown() {
            return byComponent.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue() / writes))
                    .collect(Collectors.joining(", "));
        }
    }

    private final StackClient stack;
    private final Options options;
    private final StackProcesses processes;
    private CpuPerWrite cpuPerWrite;

    WriteToReadModel(StackClient stack, Options options, StackProcesses processes) {
        this.stack = stack;
        this.options = options;
        this.processes = processes;
    }

    /** The CPU per acknowledged write in {@link #run()}, if the stack's processes were found. */
    Optional<CpuPerWrite> cpuPerWrite() {
        return Optional.ofNullable(cpuPerWrite);
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

    Result run() throws Exception {
        System.out.printf(Locale.ROOT, "write -> read model: %d writes/s for %d s through the gateway...%n",
                options.writeRate, options.writeSeconds);
        long base = stack.awaitReadModelCaughtUp().total();
        Map<String, Double> cpuBefore = processes.cpuMillis();
        int writes = options.writeRate * options.writeSeconds;
        long[] ackedAt = new long[writes];
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentHashMap<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<long[]> polls = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(writes);
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
        long start = System.nanoTime();
        long interval = 1_000_000_000L / options.writeRate;
        for (int i = 0; i < writes; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            stack.http().sendAsync(stack.post(options.gateway), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() == 201) {
                    synchronized (ackedAt) {
                        ackedAt[acked.getAndIncrement()] = System.nanoTime();
                    }
                } else {
                    failed.incrementAndGet();
                    String kind = error != null ? error.getClass().getSimpleName() : String.valueOf(response.statusCode());
                    failures.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
                }
                done.countDown();
            });
        }
        double offeredSeconds = (System.nanoTime() - start) / 1e9;
        done.await();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        poller.interrupt();
        poller.join();
        // go on polling here until every acknowledged write is counted, so that the last ones are on the time line too
        for (long total = stack.summaryTotal(); total < base + acked.get() && System.nanoTime() < deadline; total = stack.summaryTotal()) {
            polls.add(new long[] { System.nanoTime(), total });
            Thread.sleep(5);
        }
        polls.add(new long[] { System.nanoTime(), stack.summaryTotal() });
        if (!cpuBefore.isEmpty() && acked.get() > 0) {
            cpuPerWrite = new CpuPerWrite(StackProcesses.used(cpuBefore, processes.cpuMillis()), acked.get());
        }

        List<long[]> timeline = new ArrayList<>(polls);
        Result result = new Result("write acknowledged -> visible in /api/reports/summary", "gateway");
        Sample sample = new Sample();
        int missing = 0;
        int p = 0;
        for (int k = 0; k < acked.get(); k++) {
            while (p < timeline.size() && timeline.get(p)[1] < base + k + 1) {
                p++;
            }
            if (p == timeline.size()) {
                missing++;
                continue;
            }
            sample.record(Math.max(0, timeline.get(p)[0] - ackedAt[k]), true);
        }
        sample.errors = failed.get() + missing;
        sample.seconds = offeredSeconds;
        sample.count = acked.get();
        result.add(sample);
        result.note = String.format(Locale.ROOT, "%d writes/s offered, %d acknowledged, %d failed %s, %d not seen in 30 s, %d polls",
                options.writeRate, acked.get(), failed.get(), failures, missing, timeline.size())
                + cpuPerWrite().map(c -> String.format(Locale.ROOT, "; CPU per acknowledged write %.1f ms (%s)", c.total(),
                        c.breakdown())).orElse("");
        return result;
    }
}
