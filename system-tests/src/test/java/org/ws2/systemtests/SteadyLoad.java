package org.ws2.systemtests;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What the load-under-failure system tests share: simulated clients that send at a steady rate and count
 * every answer. Their pauses set the load's rate; they never stand in for waiting on a condition, which the
 * tests do with Awaitility.
 */
final class SteadyLoad {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private SteadyLoad() {
    }

    /** The answer, or null when the gateway could not be reached or did not answer: counted as a failure. */
    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** A client's think time between two requests. */
    static void thinkTime(Duration pause) {
        try {
            TimeUnit.NANOSECONDS.sleep(pause.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One platform thread per simulated client (Java 17 has no virtual threads). */
    static Thread client(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
