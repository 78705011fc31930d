package org.ws2.systemtests.support;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A steady load through the gateway and every answer it got, for the checks after it: simulated clients, each a
 * platform thread sending at a steady rate. Their pauses set the load's rate; they never stand in for waiting on a
 * condition, which the tests do with Awaitility.
 */
public final class RecordedLoad {

    /** One answer, or its absence: status 0 is none within the answer timeout, -1 a connection that failed. */
    public record Answer(boolean write, String what, String service, Instant started, long startedNanos, long millis,
            int status, String contentType, String body) {

        public boolean acknowledged() {
            return status / 100 == 2;
        }

        @Override
        public String toString() {
            return (write ? "write " : "read ") + what + " at " + started + " -> "
                    + (status == 0 ? "no answer in time" : status == -1 ? "connection failed" : status + " " + contentType)
                    + " after " + millis + " ms"
                    + (acknowledged() || body == null ? "" : ": " + body.substring(0, Math.min(body.length(), 300)));
        }
    }

    private final Duration answerTimeout;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> clients = new ArrayList<>();

    /** @param answerTimeout an answer later than this counts as none */
    public RecordedLoad(Duration answerTimeout) {
        this.answerTimeout = answerTimeout;
    }

    /** Starts a client doing its step n = 0, 1, 2... until the load stops, with a think time after each. */
    public void client(String name, Duration thinkTime, IntConsumer step) {
        Thread client = new Thread(() -> {
            for (int n = 0; running.get(); n++) {
                step.accept(n);
                pause(thinkTime);
            }
        }, name);
        client.setDaemon(true);
        client.start();
        clients.add(client);
    }

    /** Sends one request of the load and records its answer. */
    public Answer call(boolean write, String what, String service, HttpRequest.Builder request) {
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        int status;
        String contentType = null;
        String body = null;
        try {
            HttpResponse<String> response = GatewayClient.HTTP.send(request.timeout(answerTimeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            contentType = response.headers().firstValue("Content-Type").orElse(null);
            body = response.body();
        } catch (HttpTimeoutException e) {
            status = 0;
        } catch (IOException e) {
            status = -1;
            body = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        Answer answer = new Answer(write, what, service, started, startedNanos,
                (System.nanoTime() - startedNanos) / 1_000_000, status, contentType, body);
        answers.add(answer);
        return answer;
    }

    /** A request outside the record (a writer reading the source): its answer, or null when there was none. */
    public HttpResponse<String> unrecorded(HttpRequest.Builder request) {
        try {
            return GatewayClient.HTTP.send(request.timeout(answerTimeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public List<Answer> matching(Predicate<Answer> filter) {
        synchronized (answers) {
            return answers.stream().filter(filter).toList();
        }
    }

    public long count(Predicate<Answer> filter) {
        return matching(filter).size();
    }

    /** Stops every client, letting each finish the request it is waiting on. */
    public void stop() {
        running.set(false);
        clients.forEach(client -> {
            try {
                client.join(answerTimeout.toMillis() + 10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** How many answers of each status, for the figures a suite prints. */
    public static Map<Integer, Long> byStatus(List<Answer> answers) {
        return answers.stream().collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
    }

    private static void pause(Duration thinkTime) {
        try {
            TimeUnit.NANOSECONDS.sleep(thinkTime.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
