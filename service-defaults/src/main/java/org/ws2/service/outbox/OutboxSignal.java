package org.ws2.service.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tells the relay thread that a transaction which appended events has committed, so it publishes
 * them now instead of at its next poll. Wakes that arrive while the relay is busy fold into one.
 */
public class OutboxSignal {

    private final Semaphore pending = new Semaphore(0);

    public void wake() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits for a wake or for {@code timeout}, whichever comes first; true if woken. */
    boolean await(Duration timeout) throws InterruptedException {
        boolean woken = pending.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        pending.drainPermits();
        return woken;
    }
}
