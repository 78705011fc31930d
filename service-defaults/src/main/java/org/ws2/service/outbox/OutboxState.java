package org.ws2.service.outbox;

import java.time.Duration;

/**
 * How the outbox stands.
 *
 * @param lag    the age of the oldest unpublished event (zero when none waits)
 * @param parked how many events wait in {@code ws2_outbox_parked} for an operator
 */
public record OutboxState(Duration lag, long parked) {
}
