package org.ws2.benchmarks;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code events} phase: open-loop writes at a fixed rate through the gateway while one poller reads
 * the reporting service's summary as fast as it answers. The read model's total grows by one per applied
 * creation, so the k-th acknowledged write is taken as visible when the total first reaches
 * {@code base + k}: exact when events apply in order, and within one poll interval otherwise.
 */
final class WriteToReadModel {

    private final StackClient stack;
    private final Options options;

    WriteToReadModel(StackClient stack, Options options) {
        this.stack = stack;
        this.options = options;
    }

    Result run() throws Exception {
        System.out.printf(Locale.ROOT, "write -> read model: %d writes/s for %d s through the gateway...%n",
                options.writeRate, options.writeSeconds);
        stack.awaitReadModelCaughtUp();
        long base = stack.summaryTotal();
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
                options.writeRate, acked.get(), failed.get(), failures, missing, timeline.size());
        return result;
    }
}
