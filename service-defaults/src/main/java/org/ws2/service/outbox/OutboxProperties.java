package org.ws2.service.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param pollInterval how long the relay waits between looks at the outbox when no commit wakes it
 *                     (a backstop: a commit that appended an event wakes the relay at once)
 * @param batchSize    how many events one look publishes at most
 * @param retention    how long published events are kept, for inspection, before they are purged
 * @param maxEventSize the largest event (topic, key and CloudEvents JSON, in UTF-8 bytes) a change may
 *                     write; Kafka refuses records over its {@code max.request.size} (1 MB by default),
 *                     so the limit sits well below it and is checked when the event is written
 * @param maxLag       how old the oldest unpublished event may grow before the outbox reports DOWN
 */
@ConfigurationProperties("ws2.outbox")
public record OutboxProperties(Duration pollInterval, int batchSize, Duration retention,
        @DefaultValue("256KB") DataSize maxEventSize, @DefaultValue("1m") Duration maxLag) {
}
