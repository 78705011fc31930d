package org.ws2.notifications.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retryDelays  the pause before each retry; after the last one fails the webhook is disabled. The
 *                     default is the Standard Webhooks schedule: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h
 *                     (27.6 h in all)
 * @param jitter       each pause is varied by up to this fraction either way, so that many receivers
 *                     recovering together are not hit in step
 * @param pollInterval how often a replica looks for due messages
 * @param timeout      how long a receiver has to answer
 */
@ConfigurationProperties("ws2.notifications.webhooks")
public record WebhookProperties(
        @DefaultValue({ "5s", "5m", "30m", "2h", "5h", "10h", "10h" }) List<Duration> retryDelays,
        @DefaultValue("0.2") double jitter,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10s") Duration timeout) {
}
