package org.ws2.systemtests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages, crawled from seed pages along same-origin links, as one reader: anonymously, or signed in with a
 * token in the sign-in cookie (docs/identity.md). Each page read is handed, as text, to the caller.
 */
public final class PageCrawl {

    /** What is done with each page read: {@code where} names it ({@code page <path>[?<query>]}). */
    @FunctionalInterface
    public interface PageRead {
        void read(String where, int status, String body);
    }

    /** The crawl stops after this many pages per reader: enough for every page kind and the planted group's. */
    public static final int PAGES_PER_READER = 120;
    static final Pattern HREF = Pattern.compile("href=\"([^\"#]+)");

    private final URI origin;

    public PageCrawl(GatewayClient gateway) {
        this.origin = gateway.url("/");
    }

    /**
     * Crawls from {@code seeds} as the reader of {@code token} (null: anonymously), a visitor of its own
     * ({@code visitor}, named in {@code X-Forwarded-For} as a trusted proxy would: the pages have an allowance
     * per visitor, which the other journeys' page loads from this machine's address must not share); returns
     * the pages read. A page refused (429) or failed (5xx) fails the crawl: a crawl that silently reads fewer
     * pages would prove less than it seems to.
     */
    public int crawl(List<String> seeds, String token, String visitor, PageRead read)
            throws IOException, InterruptedException {
        Deque<URI> toRead = new ArrayDeque<>();
        Set<URI> seen = new LinkedHashSet<>();
        for (String seed : seeds) {
            URI uri = origin.resolve(seed);
            if (seen.add(uri)) {
                toRead.add(uri);
            }
        }
        int pages = 0;
        while (!toRead.isEmpty() && pages < PAGES_PER_READER) {
            URI page = toRead.poll();
            HttpRequest.Builder request = HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(20))
                    .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                    .header("X-Forwarded-For", visitor);
            if (token != null) {
                request.header("Cookie", "ws2_token=" + token);
            }
            HttpResponse<byte[]> response = GatewayClient.HTTP.send(request.build(), info ->
                    info.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")
                            // a live page's stream never ends; the scenario reads the stream itself
                            ? HttpResponse.BodySubscribers.replacing(new byte[0])
                            : HttpResponse.BodySubscribers.ofByteArray());
            pages++;
            if (response.statusCode() == 429 || response.statusCode() >= 500) {
                throw new AssertionError("page " + page + " answered " + response.statusCode() + " to the crawl");
            }
            String body = AnswerText.of(response);
            read.read("page " + page.getRawPath() + (page.getRawQuery() == null ? "" : "?" + page.getRawQuery()),
                    response.statusCode(), body);
            if (!response.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                continue;
            }
            Matcher link = HREF.matcher(body);
            while (link.find()) {
                URI target;
                try {
                    target = page.resolve(link.group(1).replace("&amp;", "&"));
                } catch (IllegalArgumentException notAUri) {
                    continue;
                }
                String path = target.getRawPath() == null ? "" : target.getRawPath();
                if (sameOrigin(target) && !path.startsWith("/assets/") && !path.startsWith("/webjars/")
                        && !path.startsWith("/oauth2/") && !path.startsWith("/login/") && !path.equals("/sign-out")
                        && !path.startsWith("/api/events/") && seen.add(target)) {
                    toRead.add(target);
                }
            }
        }
        return pages;
    }

    private boolean sameOrigin(URI target) {
        return "http".equals(target.getScheme()) && origin.getHost().equals(target.getHost())
                && origin.getPort() == target.getPort();
    }
}
