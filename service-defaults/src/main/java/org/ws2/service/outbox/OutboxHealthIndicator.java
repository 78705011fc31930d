package org.ws2.service.outbox;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The outbox in {@code /actuator/health}: DOWN when the oldest unpublished event is older than
 * {@code ws2.outbox.max-lag} (the relay is stuck or Kafka has been away that long), with the lag and
 * the number of parked events as details. Not part of readiness: writes must go on while Kafka is away.
 */
public class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final OutboxMonitor monitor;
    private final OutboxProperties properties;

    public OutboxHealthIndicator(OutboxMonitor monitor, OutboxProperties properties) {
        super("Outbox health check failed");
        this.monitor = monitor;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OutboxState state = monitor.state();
        boolean stuck = state.lag().compareTo(properties.maxLag()) > 0;
        (stuck ? builder.down() : builder.up())
                .withDetail("lagSeconds", state.lag().toMillis() / 1000.0)
                .withDetail("maxLagSeconds", properties.maxLag().toSeconds())
                .withDetail("parkedEvents", state.parked());
    }
}
