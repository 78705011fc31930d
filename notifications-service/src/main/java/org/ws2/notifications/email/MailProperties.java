package org.ws2.notifications.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from          the sender of every email
 * @param publicBaseUrl where people open the tracker (the gateway); links in emails start with it
 * @param pollInterval  how often a replica looks for emails to send
 * @param maxRetryDelay the longest pause between two attempts at one email; it is retried until sent
 */
@ConfigurationProperties("ws2.notifications.mail")
public record MailProperties(
        @DefaultValue("WS2 Implementation Tracker <ws2-tracker@localhost>") String from,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("1h") Duration maxRetryDelay) {
}
