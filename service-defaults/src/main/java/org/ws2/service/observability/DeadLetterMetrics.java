package org.ws2.service.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RetryListener;
import org.ws2.contracts.Topics;

/**
 * Counts the records a consumer gives up on. The error handler's only recoverer publishes to
 * {@code <topic>.DLT}, so "recovered" here means "parked as a dead letter"; a failure to park it
 * is counted apart, because then the record is retried and nothing reached the dead-letter topic.
 * Operators alert on any increase (docs/metrics.md, docs/runbooks/Ws2DeadLettersAppearing.md).
 */
public final class DeadLetterMetrics implements RetryListener {

    public static final String DEAD_LETTERED = "ws2.events.dead.lettered";
    public static final String DEAD_LETTER_FAILURES = "ws2.events.dead.letter.failures";

    private final MeterRegistry meters;

    public DeadLetterMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
        // Each retry is already visible as a failed spring.kafka.listener observation.
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        counter(DEAD_LETTERED, "Records parked on a dead-letter topic after the consumer gave up on them",
                record, failure).increment();
    }

    @Override
    public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
        counter(DEAD_LETTER_FAILURES, "Records the consumer could not park on their dead-letter topic",
                record, original).increment();
    }

    private Counter counter(String name, String description, ConsumerRecord<?, ?> record, Exception failure) {
        return Counter.builder(name)
                .description(description)
                .tag("topic", record.topic())
                .tag("dead.letter.topic", Topics.deadLetter(record.topic()))
                .tag("exception", cause(failure).getClass().getSimpleName())
                .register(meters);
    }

    /**
     * The listener's own exception, not the container's wrapper around it nor the one that names the
     * failed record of a poll ({@code EventSubscriptions}).
     */
    private static Throwable cause(Exception failure) {
        Throwable cause = failure;
        while ((cause instanceof ListenerExecutionFailedException || cause instanceof BatchListenerFailedException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
