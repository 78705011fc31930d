package org.ws2.service.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval how long the relay waits between looks at the outbox
 * @param batchSize    how many events one look publishes at most
 * @param retention    how long published events are kept, for inspection, before they are purged
 */
@ConfigurationProperties("ws2.outbox")
public record OutboxProperties(Duration pollInterval, int batchSize, Duration retention) {
}
