package org.ws2.systemtests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A minimal Server-Sent Events reader: each event as {id, data}. */
public final class Sse implements AutoCloseable {

    private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;

    private Sse(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(() -> {
            String eventId = null;
            StringBuilder data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) response.body()::iterator) {
                    if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            events.add(new String[] { eventId, data.toString() });
                        }
                        eventId = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        eventId = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    }
                }
            } catch (RuntimeException closed) {
                // the test closed the connection
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public static Sse open(URI uri, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = GatewayClient.HTTP.send(request.GET().build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        return new Sse(response);
    }

    public List<String[]> take(int n) throws InterruptedException {
        List<String[]> taken = new ArrayList<>();
        while (taken.size() < n) {
            String[] event = events.poll(30, TimeUnit.SECONDS);
            assertThat(event).as("event %d of %d", taken.size() + 1, n).isNotNull();
            taken.add(event);
        }
        return taken;
    }

    /** The events until one satisfies {@code last} (that one included), each at most {@code quiet} after the one before. */
    public List<String[]> takeUntil(Predicate<String[]> last, Duration quiet)
            throws InterruptedException {
        List<String[]> taken = new ArrayList<>();
        while (true) {
            String[] event = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(event).as("an event after the %d read, until the one awaited", taken.size()).isNotNull();
            taken.add(event);
            if (last.test(event)) {
                return taken;
            }
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
