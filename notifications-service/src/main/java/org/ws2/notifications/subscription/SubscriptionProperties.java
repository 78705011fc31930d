package org.ws2.notifications.subscription;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxPerPerson          how many subscriptions of their own a person may have (webhooks, which
 *                              only admins register, are not counted)
 * @param confirmationValidFor  how long the link of a confirmation email works
 * @param confirmationPause     how long an address that was sent a confirmation is sent no other, by anyone
 */
@ConfigurationProperties("ws2.subscriptions")
public record SubscriptionProperties(
        @DefaultValue("20") int maxPerPerson,
        @DefaultValue("7d") Duration confirmationValidFor,
        @DefaultValue("1h") Duration confirmationPause) {
}
