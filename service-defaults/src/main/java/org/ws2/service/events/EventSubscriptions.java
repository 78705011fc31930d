package org.ws2.service.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.kafka.annotation.KafkaListenerConfigurer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistrar;
import org.springframework.kafka.config.MethodKafkaListenerEndpoint;
import org.springframework.messaging.handler.annotation.support.DefaultMessageHandlerMethodFactory;
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
 * <p>The listener takes a poll's records at once and applies them in one transaction, as
 * {@link PollTransactions} does for any batch listener (the failed record found and reported, each
 * record observed on its own). Dedupe and order are {@link EventConsumer}'s, per record, as before.
 */
public class EventSubscriptions implements KafkaListenerConfigurer {

    private final ConfigurableListableBeanFactory beans;
    private final EventConsumer consumer;
    private final PollTransactions polls;
    private final String consumerGroup;

    public EventSubscriptions(ConfigurableListableBeanFactory beans, EventConsumer consumer, PollTransactions polls,
            String consumerGroup) {
        this.beans = beans;
        this.consumer = consumer;
        this.polls = polls;
        this.consumerGroup = consumerGroup;
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
            endpoint.setContainerPostProcessor(polls.recordsObservedByTheListener());
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

    /** One consumer of one family, and the Kafka listener that feeds it a poll at a time. */
    final class Subscription {

        private final String name;
        private final EventFamily family;
        private final String topic;
        private final Object target;
        private final Method method;
        private final PollTransactions.Listener listener;

        Subscription(String name, EventFamily family, boolean internal, Object target, Method method) {
            this.name = name;
            this.family = family;
            this.topic = internal ? family.internalTopic() : family.topic();
            this.target = target;
            this.method = method;
            this.listener = new PollTransactions.Listener(listenerId(), consumerGroup);
            ReflectionUtils.makeAccessible(method);
        }

        /** The records of one poll, in the order of their partitions' offsets. */
        public void onPoll(List<ConsumerRecord<String, String>> records) {
            @SuppressWarnings("unchecked") // every family's interface extends Ws2Event
            Class<Ws2Event> events = (Class<Ws2Event>) family.eventInterface();
            polls.apply(listener, records, () -> { },
                    record -> consumer.consume(name, record.value(), events, this::apply));
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
