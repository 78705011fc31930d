package org.ws2.notifications.sending;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/**
 * A sender of queued messages: on a thread of its own, once the application is ready, it sends what is
 * due every poll interval until the context closes. Every replica polls; the queue's claims keep two
 * from sending the same message. A round that fails (the database away) is logged and the next one
 * tries again: nothing claimed is lost, its lease ends.
 */
public abstract class PollingSender implements DisposableBean {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String what;
    private final Duration pollInterval;
    private final SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();

    /** @param what what it sends, plural, for the log ("emails") */
    protected PollingSender(String what, String threadNamePrefix, Duration pollInterval) {
        this.what = what;
        this.pollInterval = pollInterval;
        scheduler.setThreadNamePrefix(threadNamePrefix);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        scheduler.scheduleWithFixedDelay(this::sendDue, pollInterval);
    }

    @Override
    public void destroy() {
        scheduler.close();
    }

    /** One round: claims a batch of due messages and sends each. */
    protected abstract void sendBatch();

    void sendDue() {
        try {
            sendBatch();
        } catch (RuntimeException e) {
            log.warn("Could not send {}: {}", what, e.toString());
        }
    }
}
