package org.ws2.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The {@code pages} phase: each page's HTML, one reader at a time (a person waiting for a page, not a
 * crowd), interleaved page by page for {@code --rounds} rounds of {@code --seconds} each. A page that
 * answers anything but 200 counts as an error; the note gives the HTML's size, so a page that stopped
 * paging shows.
 */
final class PageLatency {

    /** A page read signed in, as the benchmark's support-staff token in the web module's cookie. */
    static final String SIGNED_IN = "signed in: ";

    /** Every page of the web module, as a reader opens it through the gateway (issue 9: HTML in 200 ms). */
    static final List<String> PAGES = List.of("/", "/recommendations", "/recommendations?topic=6", "/recommendations/6.1.1",
            "/groups", "/groups/ALAC", "/reports", "/api-docs", "/sign-in", "/engagements",
            SIGNED_IN + "/workspace", SIGNED_IN + "/inbox", SIGNED_IN + "/settings/notifications", SIGNED_IN + "/groups/ALAC",
            SIGNED_IN + "/groups/ALAC/assignments/6.1.1", SIGNED_IN + "/reports/2021-Q2");

    /**
     * Every page again once the catalogue holds {@code --catalogue} (issue 20: each ≤ 300 ms there), and the list
     * pages whose work grows with it: a random page, a filter, words.
     */
    static final List<String> PAGES_AT_SCALE = Stream.concat(PAGES.stream(), Stream.of("/recommendations?page=<random>",
            "/recommendations?status=NOT_STARTED", "/recommendations?q=Benchmark")).toList();

    private final StackClient stack;
    private final Options options;

    PageLatency(StackClient stack, Options options) {
        this.stack = stack;
        this.options = options;
    }

    List<Result> run(List<String> pages) throws Exception {
        long size = stack.listTotal();
        String scale = String.format(Locale.ROOT, " at %,d recommendations", size);
        int lastPage = (int) Math.max(1, size / 50);
        System.out.printf(Locale.ROOT, "pages%s, 1 reader...%n", scale);
        if (pages.stream().anyMatch(page -> page.endsWith("/groups/ALAC/assignments/6.1.1"))) {
            stack.assign("ALAC", "6.1.1");
        }
        for (String page : pages) {
            pageLoop(page, lastPage, Duration.ofSeconds(2)); // warm-up: templates, JIT, connection pools
        }
        List<Result> timed = new ArrayList<>();
        AtomicLong[] bytes = new AtomicLong[pages.size()];
        for (int p = 0; p < pages.size(); p++) {
            timed.add(new Result("page " + pages.get(p) + scale, "gateway"));
            bytes[p] = new AtomicLong();
        }
        for (int round = 0; round < options.rounds; round++) {
            for (int p = 0; p < pages.size(); p++) {
                timed.get(p).add(pageLoop(pages.get(p), lastPage, Duration.ofSeconds(options.sliceSeconds), bytes[p]));
            }
        }
        for (int p = 0; p < pages.size(); p++) {
            timed.get(p).note = String.format(Locale.ROOT, "1 reader, HTML %,d bytes", bytes[p].get());
        }
        return timed;
    }

    private HttpRequest request(String page) {
        boolean signedIn = page.startsWith(SIGNED_IN);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.gateway
                        + (signedIn ? page.substring(SIGNED_IN.length()) : page)))
                .timeout(Duration.ofSeconds(30)).header("Accept", "text/html").GET();
        if (signedIn) {
            request.header("Cookie", "ws2_token=" + options.token);
        }
        return request.build();
    }

    private Sample pageLoop(String page, int lastPage, Duration length, AtomicLong... lastSize) throws InterruptedException {
        Sample sample = new Sample();
        List<Long> latencies = new ArrayList<>();
        int errors = 0;
        long start = System.nanoTime();
        long end = start + length.toNanos();
        while (System.nanoTime() < end) {
            String path = page.replace("<random>", String.valueOf(ThreadLocalRandom.current().nextInt(lastPage)));
            long t0 = System.nanoTime();
            try {
                HttpResponse<byte[]> response = stack.http().send(request(path), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    errors++;
                }
                for (AtomicLong size : lastSize) {
                    size.set(response.body().length);
                }
            } catch (IOException e) {
                errors++;
            }
            latencies.add(System.nanoTime() - t0);
        }
        sample.merge(latencies, errors);
        sample.seconds = (System.nanoTime() - start) / 1e9;
        return sample;
    }
}
