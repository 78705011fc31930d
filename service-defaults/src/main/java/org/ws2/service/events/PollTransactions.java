package org.ws2.service.events;

import java.util.List;
import java.util.function.Consumer;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a batch listener applies a poll: its records in order, in one transaction, one commit per poll
 * instead of one per record. When a record fails, that transaction is rolled back and the records
 * before it are applied again in one transaction (or, when that fails too or the failure was no
 * record's, one transaction per record, as a record listener has, until one fails). The failed record
 * is reported to the error handler ({@link BatchListenerFailedException}), which commits the offsets
 * before it and treats it exactly as it treats a record listener's failure (retried while the database
 * is away, parked on {@code <topic>.DLT} after a few tries otherwise); the records after it come again
 * with the next poll. So what a record does must stay in the transaction's database.
 *
 * <p>Each record is observed on its own ({@code spring.kafka.listener} timer, the trace its
 * {@code traceparent} names, so the log lines of its work carry that trace id), as the container
 * observes a record listener's; a batch listener's container is told not to time whole polls as well
 * ({@link #recordsObservedByTheListener()}, the bean {@value #CONTAINER_POST_PROCESSOR} for a
 * {@code @KafkaListener}'s {@code containerPostProcessor}).
 */
public class PollTransactions {

    /** The name of the bean that is {@link #recordsObservedByTheListener()}. */
    public static final String CONTAINER_POST_PROCESSOR = "ws2RecordsObservedByTheListener";

    private static final Logger log = LoggerFactory.getLogger(PollTransactions.class);

    private final TransactionTemplate transactions;
    private final ObservationRegistry observations;

    /**
     * @param observations where each record's observation goes; {@link ObservationRegistry#NOOP} when
     *                     listener observation is off ({@code spring.kafka.listener.observation-enabled})
     */
    public PollTransactions(TransactionTemplate transactions, ObservationRegistry observations) {
        this.transactions = transactions;
        this.observations = observations;
    }

    /** A batch listener, as its records' observations and its failures name it. */
    public record Listener(String id, String consumerGroup) {
    }

    /**
     * Applies a poll's records, in the order of their partitions' offsets.
     *
     * @param first runs at the start of each transaction, before its first record (a lock the records need)
     * @param work  what one record does, in the transaction
     */
    public void apply(Listener listener, List<ConsumerRecord<String, String>> records, Runnable first,
            Consumer<ConsumerRecord<String, String>> work) {
        RecordFailed failed;
        try {
            inOneTransaction(listener, records, first, work);
            return;
        } catch (RecordFailed e) {
            failed = e;
        } catch (RuntimeException e) {
            // Not a record's failure (the commit's, say): the records' own transactions find the culprit.
            log.debug("{} could not commit {} records: {}", listener.id(), records.size(), e.toString());
            failed = null;
        }
        // Rolled back: nothing of the poll is applied. The records before the failed one go in again, in
        // one transaction, so that the error handler commits their offsets and deals with that one alone.
        if (failed != null && appliedInOneTransaction(listener, records.subList(0, failed.index), first, work)) {
            throw failure(listener, records.get(failed.index), failed.getCause());
        }
        // The records before it failed too (the database went away, say), or no record failed: one
        // transaction per record, as a record listener has, finds the one to report, if any.
        for (ConsumerRecord<String, String> record : records) {
            try {
                inOneTransaction(listener, List.of(record), first, work);
            } catch (RuntimeException e) {
                throw failure(listener, record, e instanceof RecordFailed recordFailed ? recordFailed.getCause() : e);
            }
        }
    }

    /** For a batch listener's container when its records are observed here: no second timer of whole polls. */
    public ContainerPostProcessor<String, String, AbstractMessageListenerContainer<String, String>> recordsObservedByTheListener() {
        return container -> {
            if (!observations.isNoop()) {
                container.getContainerProperties().setObservationEnabled(false);
                container.getContainerProperties().setMicrometerEnabled(false);
            }
        };
    }

    /** Applies {@code records} in order in one transaction; a record's failure says which it was. */
    private void inOneTransaction(Listener listener, List<ConsumerRecord<String, String>> records, Runnable first,
            Consumer<ConsumerRecord<String, String>> work) {
        transactions.executeWithoutResult(status -> {
            first.run();
            for (int i = 0; i < records.size(); i++) {
                try {
                    observed(listener, records.get(i), work);
                } catch (RuntimeException e) {
                    throw new RecordFailed(i, e);
                }
            }
        });
    }

    private boolean appliedInOneTransaction(Listener listener, List<ConsumerRecord<String, String>> records,
            Runnable first, Consumer<ConsumerRecord<String, String>> work) {
        if (records.isEmpty()) {
            return true;
        }
        try {
            inOneTransaction(listener, records, first, work);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void observed(Listener listener, ConsumerRecord<String, String> record,
            Consumer<ConsumerRecord<String, String>> work) {
        KafkaListenerObservation.LISTENER_OBSERVATION.observation((KafkaListenerObservationConvention) null,
                DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, listener.id(), null, listener.consumerGroup(), () -> null),
                observations)
                .observe(() -> work.accept(record));
    }

    private static BatchListenerFailedException failure(Listener listener, ConsumerRecord<String, String> record,
            Throwable cause) {
        return new BatchListenerFailedException(listener.id() + " could not apply " + record.topic() + "-"
                + record.partition() + "@" + record.offset(), cause, record);
    }

    /** The record at {@code index} of a transaction's records failed with the cause. */
    private static final class RecordFailed extends RuntimeException {

        private final int index;

        RecordFailed(int index, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.index = index;
        }
    }
}
