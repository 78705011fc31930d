package org.ws2.notifications.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.ws2.notifications.notice.NewNotice;
import org.ws2.notifications.notice.NoticeContent;
import org.ws2.notifications.notice.NoticeKind;
import org.ws2.notifications.notice.Notices;
import org.ws2.notifications.notice.Recipients;
import org.ws2.notifications.sending.PollingSender;

/**
 * Posts queued webhook messages: the CloudEvent as body, signed per Standard Webhooks. A 2xx
 * acknowledges; anything else (or no answer) is retried on the configured schedule, with jitter;
 * after the last retry the subscription is disabled and its owner told in their inbox. The
 * webhook-id stays the same on every attempt so that the receiver can drop a repeat.
 */
@Component
class WebhookSender extends PollingSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 20;
    /** An admin's page of one webhook (web module): whether it is paused and why, and its delivery log. */
    private static final String WEBHOOK_PAGE = "/settings/webhooks/";

    private final WebhookDeliveryLog deliveries;
    private final WebhookTargets targets;
    private final WebhookProperties properties;
    private final Notices notices;
    private final TransactionTemplate transaction;
    private final HttpClient http;

    WebhookSender(WebhookDeliveryLog deliveries, WebhookTargets targets, WebhookProperties properties,
            Notices notices, TransactionTemplate transaction) {
        super("webhooks", "webhook-sender-", properties.pollInterval());
        this.deliveries = deliveries;
        this.targets = targets;
        this.properties = properties;
        this.notices = notices;
        this.transaction = transaction;
        // Redirects are not followed: a receiver could otherwise bounce us to an address the target check refused.
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    protected void sendBatch() {
        for (WebhookDeliveryLog.Due due : deliveries.claim(BATCH, properties.timeout().multipliedBy(3))) {
            send(due);
        }
    }

    private void send(WebhookDeliveryLog.Due due) {
        int attempt = due.attempts() + 1;
        Integer status = null;
        String error = null;
        String refusal = targets.refusal(due.url());
        if (refusal != null) {
            error = "Not sent: " + refusal;
        } else {
            long timestamp = Instant.now().getEpochSecond();
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(due.url()))
                        .timeout(properties.timeout())
                        .header("content-type", "application/cloudevents+json; charset=UTF-8")
                        .header("webhook-id", due.id())
                        .header("webhook-timestamp", Long.toString(timestamp))
                        .header("webhook-signature", WebhookSignature.sign(due.secret(), due.id(), timestamp, due.body()))
                        .POST(HttpRequest.BodyPublishers.ofString(due.body()))
                        .build(), HttpResponse.BodyHandlers.discarding());
                status = response.statusCode();
                if (status < 200 || status > 299) {
                    error = "Answered " + status;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        boolean delivered = error == null;
        Instant next = delivered ? null : nextAttempt(attempt);
        String finalError = error;
        Integer finalStatus = status;
        transaction.executeWithoutResult(tx -> {
            deliveries.recordAttempt(due.id(), attempt, finalStatus, finalError, delivered, next);
            if (!delivered && next == null) {
                disable(due, finalError);
            }
        });
    }

    /** When to try again after failed attempt number {@code attempt}; null once the schedule is used up. */
    Instant nextAttempt(int attempt) {
        if (attempt > properties.retryDelays().size()) {
            return null;
        }
        Duration delay = properties.retryDelays().get(attempt - 1);
        double factor = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * properties.jitter();
        return Instant.now().plusMillis(Math.round(delay.toMillis() * factor));
    }

    private void disable(WebhookDeliveryLog.Due due, String error) {
        String reason = "Message " + due.id() + " could not be delivered after " + (properties.retryDelays().size() + 1)
                + " attempts; last: " + error;
        if (deliveries.disableSubscription(due.subscriptionId(), reason)) {
            log.warn("Disabled webhook subscription {}: {}", due.subscriptionId(), reason);
            notices.add(new NewNotice("webhook-disabled:" + due.id(), new NoticeContent(NoticeKind.WEBHOOK_DISABLED,
                    "Webhook disabled", "Your webhook to " + due.url() + " was disabled. " + reason
                            + " Fix the receiver, then resume the webhook on its page.",
                    // a notice links to a page, never to the API: the webhook's own, with its delivery log (web module)
                    WEBHOOK_PAGE + due.subscriptionId(), null, null, null, Instant.now())),
                    Recipients.person(due.owner()));
        }
    }
}
