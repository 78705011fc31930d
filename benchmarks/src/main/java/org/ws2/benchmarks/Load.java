package org.ws2.benchmarks;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Closed-loop load: simulated connections, each sending its next request when the previous one answered. */
final class Load {

    private Load() {
    }

    /** {@code users} threads, each sending its next request when the previous one answered. */
    static Sample closedLoop(HttpClient http, IntFunction<HttpRequest> request, int users, Duration length)
            throws InterruptedException {
        Sample sample = new Sample();
        long end = System.nanoTime() + length.toNanos();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int u = 0; u < users; u++) {
            threads.add(started(() -> {
                List<Long> mine = new ArrayList<>();
                int errors = 0;
                int i = 0;
                while (System.nanoTime() < end) {
                    HttpRequest r = request.apply(i++);
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(r, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() >= 400) {
                            errors++;
                        }
                    } catch (IOException e) {
                        errors++;
                    } catch (InterruptedException e) {
                        break;
                    }
                    mine.add(System.nanoTime() - t0);
                }
                sample.merge(mine, errors);
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        sample.seconds = (System.nanoTime() - start) / 1e9;
        return sample;
    }

    /** Java 17 has no virtual threads; one platform thread per simulated connection is plenty here. */
    static Thread started(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
