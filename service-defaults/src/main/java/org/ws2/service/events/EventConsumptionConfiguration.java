package org.ws2.service.events;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import org.ws2.contracts.EventCodec;
import org.ws2.contracts.Topics;
import org.ws2.contracts.UnreadableEventException;
import org.ws2.service.observability.DeadLetterMetrics;
import tools.jackson.databind.json.JsonMapper;

/**
 * How every consumer treats a record it fails on: while the database is away it keeps retrying,
 * with growing pauses and without losing its place; anything else is retried a few times and
 * then parked on {@code <topic>.DLT}, so one poison record never stops a partition. The listeners
 * take a poll at a time and name the record that failed ({@link EventSubscriptions}), so the error
 * handler treats that record as it treats a record listener's.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
public class EventConsumptionConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec(JsonMapper jsonMapper) {
        return new EventCodec(jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    EventConsumer eventConsumer(EventCodec codec, ProcessedEvents processedEvents) {
        return new EventConsumer(codec, processedEvents);
    }

    /**
     * How a batch listener applies a poll in one transaction; each record observed as the container would
     * observe it for a record listener, when that is on.
     */
    @Bean
    PollTransactions pollTransactions(PlatformTransactionManager transactionManager,
            ObjectProvider<ObservationRegistry> observations,
            @Value("${spring.kafka.listener.observation-enabled:false}") boolean observed) {
        return new PollTransactions(new TransactionTemplate(transactionManager),
                observed ? observations.getIfAvailable(() -> ObservationRegistry.NOOP) : ObservationRegistry.NOOP);
    }

    @Bean(PollTransactions.CONTAINER_POST_PROCESSOR)
    ContainerPostProcessor<String, String, AbstractMessageListenerContainer<String, String>> recordsObservedByTheListener(
            PollTransactions polls) {
        return polls.recordsObservedByTheListener();
    }

    @Bean
    EventSubscriptions eventSubscriptions(ConfigurableListableBeanFactory beans, EventConsumer consumer,
            PollTransactions polls, @Value("${spring.application.name}") String consumerGroup) {
        return new EventSubscriptions(beans, consumer, polls, consumerGroup);
    }

    @Bean
    @ConditionalOnMissingBean
    TopicDeclarations topicDeclarations(@Value("${ws2.kafka.partitions:3}") int partitions,
            @Value("${ws2.kafka.replication-factor:1}") short replicationFactor) {
        return new TopicDeclarations(partitions, replicationFactor);
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(JdbcClient jdbc) {
        return new ProcessedEvents(jdbc);
    }

    /** Keeps the processed-event ids for a while longer than Kafka keeps the events themselves. */
    @Bean(destroyMethod = "close")
    SimpleAsyncTaskScheduler processedEventsRetention(ProcessedEvents processedEvents,
            @Value("${ws2.consumer.processed-event-retention:30d}") Duration retention) {
        SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
        scheduler.setThreadNamePrefix("processed-events-retention-");
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                processedEvents.forgetProcessedBefore(Instant.now().minus(retention));
            } catch (RuntimeException e) {
                // The database may be away for a while; the next tick tries again.
            }
        }, Duration.ofHours(1));
        return scheduler;
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler ws2ConsumerErrorHandler(KafkaOperations<?, ?> kafka, ObjectProvider<MeterRegistry> meters) {
        // Spring Kafka 4 would name the dead-letter topic <topic>-dlt; ours is Topics.deadLetter(). Partition
        // -1 lets the key choose, so a dead-letter topic need not have as many partitions as its source.
        var recoverer = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 3));
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        handler.setBackOffFunction((record, failure) -> isInfrastructureOutage(failure) ? untilItIsBack() : null);
        meters.ifAvailable(registry -> handler.setRetryListeners(new DeadLetterMetrics(registry)));
        return handler;
    }

    static boolean isInfrastructureOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
            // A rollback that failed because the connection was cut hides the failure that made it roll back.
            if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
                    && isInfrastructureOutage(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    private static ExponentialBackOff untilItIsBack() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        return backOff;
    }
}
