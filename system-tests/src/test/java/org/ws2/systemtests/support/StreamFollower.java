package org.ws2.systemtests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/** One visitor's open stream, its lines read by a thread of its own ({@link Visitors#follow}). */
public final class StreamFollower {

    /** How long a change may take to reach a follower. */
    static final Duration LIVE = Duration.ofSeconds(20);

    final String visitor;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    StreamFollower(String visitor, InputStream body) {
        this.visitor = visitor;
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // the test closed it
            }
        }, "stream-of-" + visitor);
        thread.setDaemon(true);
        thread.start();
    }

    /** Waits, up to {@link #LIVE}, for an event whose data names {@code subject}; fails without one. */
    public void awaitEventAbout(String subject) throws InterruptedException {
        long deadline = System.nanoTime() + LIVE.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line != null && line.startsWith("data:") && line.contains("\"" + subject + "\"")) {
                return;
            }
        }
        fail("the stream of %s did not bring the change of %s within %s", visitor, subject, LIVE);
    }
}
