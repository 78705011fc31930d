package org.ws2.service.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.ContainerPostProcessor;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.EventFamily;
import org.ws2.contracts.Ws2Event;

/**
 * Turns every {@link AppliesEvents} method into a Kafka listener on its family's topic (public, or the
 * internal twin when the method asks for it), in the service's consumer group, with the container
 * factory's error handling (retries, dead letters).
 *
 * <p>The listener takes a poll's records at once and applies them, in order, in one transaction: one
 * commit per poll instead of one per event, where much of a consumer's cost was. When a record fails, that
 * transaction is rolled back and the records before it are applied again in one transaction (or, when
 * that fails too or the failure was no record's, one transaction per record, as a record listener has,
 * until one fails). The failed record is reported to the error handler ({@link BatchListenerFailedException}),
 * which commits the offsets before it and treats it exactly as it treats a record listener's failure
 * (retried while the database is away, parked on {@code <topic>.DLT} after a few tries otherwise); the
 * records after it come again with the next poll. Dedupe and order are {@link EventConsumer}'s, per record,
 * as before. Each record is still observed on its own ({@code spring.kafka.listener} timer, the trace its
 * {@code traceparent} names, so the log lines of its work carry that trace id), as the container observes
 * a record listener's.
 */
public class EventSubscriptions implements KafkaListenerConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EventSubscriptions.class);

    private final ConfigurableListableBeanFactory beans;
    private final EventConsumer consumer;
    private final TransactionTemplate transactions;
    private final String consumerGroup;
    private final ObservationRegistry observations;

    /**
     * @param observations where each record's observation goes; {@link ObservationRegistry#NOOP} when
     *                     listener observation is off ({@code spring.kafka.listener.observation-enabled})
     */
    public EventSubscriptions(ConfigurableListableBeanFactory beans, EventConsumer consumer,
            TransactionTemplate transactions, String consumerGroup, ObservationRegistry observations) {
        this.beans = beans;
        this.consumer = consumer;
        this.transactions = transactions;
        this.consumerGroup = consumerGroup;
        this.observations = observations;
    }

    @Override
    public void configureKafkaListeners(KafkaListenerEndpointRegistrar registrar) {
        DefaultMessageHandlerMethodFactory handlerMethods = new DefaultMessageHandlerMethodFactory();
        handlerMethods.afterPropertiesSet();
        for (Subscription subscription : subscriptions()) {
            MethodKafkaListenerEndpoint<String, String> endpoint = new MethodKafkaListenerEndpoint<>();
            endpoint.setId(subscription.listenerId());
            endpoint.setGroupId(consumerGroup);
            endpoint.setTopics(subscription.topic);
            endpoint.setBatchListener(true);
            endpoint.setBean(subscription);
            endpoint.setMethod(ReflectionUtils.findMethod(Subscription.class, "onPoll", List.class));
            endpoint.setMessageHandlerMethodFactory(handlerMethods);
            endpoint.setBeanFactory(beans);
            if (!observations.isNoop()) {
                // The subscription observes each record itself; the container's timer of whole polls would
                // be a second spring.kafka.listener meter with other tags.
                ContainerPostProcessor<String, String, AbstractMessageListenerContainer<String, String>> ownTimers =
                        container -> {
                            container.getContainerProperties().setObservationEnabled(false);
                            container.getContainerProperties().setMicrometerEnabled(false);
                        };
                endpoint.setContainerPostProcessor(ownTimers);
            }
            registrar.registerEndpoint(endpoint);
        }
    }

    /** Every {@code @AppliesEvents} method of every singleton bean. */
    List<Subscription> subscriptions() {
        List<Subscription> found = new ArrayList<>();
        for (String name : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(name, false);
            if (type == null || !beans.isSingleton(name)) {
                continue;
            }
            Map<Method, AppliesEvents> methods = MethodIntrospector.selectMethods(ClassUtils.getUserClass(type),
                    (MethodIntrospector.MetadataLookup<AppliesEvents>) method ->
                            AnnotatedElementUtils.findMergedAnnotation(method, AppliesEvents.class));
            methods.forEach((method, annotation) -> found.add(
                    new Subscription(annotation.value(), familyOf(method), annotation.internal(),
                            targetOf(beans.getBean(name)), method)));
        }
        return found;
    }

    private static EventFamily familyOf(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length == 2 && parameters[1] == CloudEvent.class) {
            for (EventFamily family : EventFamily.values()) {
                if (family.eventInterface() == parameters[0]) {
                    return family;
                }
            }
        }
        throw new IllegalStateException(method + " is marked @AppliesEvents but does not take (<event family>, "
                + "CloudEvent): the family's sealed interface says which topic it reads");
    }

    /** The method runs on the bean itself: the subscription brings its own transaction. */
    private static Object targetOf(Object bean) {
        Object target = bean;
        while (AopUtils.isAopProxy(target)) {
            Object inner = AopProxyUtils.getSingletonTarget(target);
            if (inner == null) {
                break;
            }
            target = inner;
        }
        return target;
    }

    /** The record at {@code index} of a transaction's records failed with the cause. */
    private static final class RecordFailed extends RuntimeException {

        private final int index;

        RecordFailed(int index, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.index = index;
        }
    }

    /** One consumer of one family, and the Kafka listener that feeds it a poll at a time. */
    final class Subscription {

        private final String name;
        private final EventFamily family;
        private final String topic;
        private final Object target;
        private final Method method;

        Subscription(String name, EventFamily family, boolean internal, Object target, Method method) {
            this.name = name;
            this.family = family;
            this.topic = internal ? family.internalTopic() : family.topic();
            this.target = target;
            this.method = method;
            ReflectionUtils.makeAccessible(method);
        }

        /** The records of one poll, in the order of their partitions' offsets. */
        public void onPoll(List<ConsumerRecord<String, String>> records) {
            RecordFailed failed;
            try {
                inOneTransaction(records);
                return;
            } catch (RecordFailed e) {
                failed = e;
            } catch (RuntimeException e) {
                // Not a record's failure (the commit's, say): the records' own transactions find the culprit.
                log.debug("{} could not commit {} records of {}: {}", name, records.size(), topic, e.toString());
                failed = null;
            }
            // Rolled back: nothing of the poll is applied. The records before the failed one go in again, in
            // one transaction, so that the error handler commits their offsets and deals with that one alone.
            if (failed != null && appliedInOneTransaction(records.subList(0, failed.index))) {
                throw failure(records.get(failed.index), failed.getCause());
            }
            // The records before it failed too (the database went away, say), or no record failed: one
            // transaction per record, as a record listener has, finds the one to report, if any.
            for (ConsumerRecord<String, String> record : records) {
                try {
                    inOneTransaction(List.of(record));
                } catch (RuntimeException e) {
                    throw failure(record, e instanceof RecordFailed recordFailed ? recordFailed.getCause() : e);
                }
            }
        }

        /** Applies {@code records} in order in one transaction; a record's failure says which it was. */
        private void inOneTransaction(List<ConsumerRecord<String, String>> records) {
            transactions.executeWithoutResult(status -> {
                for (int i = 0; i < records.size(); i++) {
                    try {
                        consume(records.get(i));
                    } catch (RuntimeException e) {
                        throw new RecordFailed(i, e);
                    }
                }
            });
        }

        private boolean appliedInOneTransaction(List<ConsumerRecord<String, String>> records) {
            if (records.isEmpty()) {
                return true;
            }
            try {
                inOneTransaction(records);
                return true;
            } catch (RuntimeException e) {
                return false;
            }
        }

        private BatchListenerFailedException failure(ConsumerRecord<String, String> record, Throwable cause) {
            return new BatchListenerFailedException(name + " could not apply " + record.topic() + "-"
                    + record.partition() + "@" + record.offset(), cause, record);
        }

        private void consume(ConsumerRecord<String, String> record) {
            @SuppressWarnings("unchecked") // every family's interface extends Ws2Event
            Class<Ws2Event> events = (Class<Ws2Event>) family.eventInterface();
            KafkaListenerObservation.LISTENER_OBSERVATION.observation((KafkaListenerObservationConvention) null,
                    DefaultKafkaListenerObservationConvention.INSTANCE,
                    () -> new KafkaRecordReceiverContext(record, listenerId(), null, consumerGroup, () -> null),
                    observations)
                    .observe(() -> {
                        consumer.consume(name, record.value(), events, this::apply);
                    });
        }

        private void apply(Ws2Event event, CloudEvent envelope) {
            try {
                method.invoke(target, event, envelope);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        String name() {
            return name;
        }

        /** The listener's id, also the {@code spring.kafka.listener.id} of its records' observations. */
        String listenerId() {
            return name + "." + family.aggregate();
        }

        EventFamily family() {
            return family;
        }

        String topic() {
            return topic;
        }
    }
}
