package org.ws2.service.observability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import org.apache.kafka.clients.consumer.Consumer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;

/**
 * How often a consumer's Kafka client metrics are looked at again for new ones ({@code ws2.kafka.client-metrics-refresh},
 * Micrometer's minute by default). A partition's lag gauge only exists once Micrometer has looked after the partition
 * was assigned, so after a rebalance the lag of the moved partitions is unseen for up to this long. Boot binds the
 * consumers with a listener that has no such setting; this puts one with the configured refresh in its place.
 */
final class KafkaClientMetricsRefresh implements BeanPostProcessor, DisposableBean {

    /** Asked for only when a consumer factory is made: a registry made while post-processors are still being set up would miss Boot's own. */
    private final ObjectProvider<MeterRegistry> registry;
    private final Duration refresh;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "kafka-client-metrics-refresh");
        thread.setDaemon(true);
        return thread;
    });

    KafkaClientMetricsRefresh(ObjectProvider<MeterRegistry> registry, Duration refresh) {
        this.registry = registry;
        this.refresh = refresh;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        MeterRegistry meters;
        if (bean instanceof DefaultKafkaConsumerFactory<?, ?> factory && (meters = registry.getIfAvailable()) != null) {
            replaceBootsListener(factory, meters);
        }
        return bean;
    }

    private <K, V> void replaceBootsListener(DefaultKafkaConsumerFactory<K, V> factory, MeterRegistry meters) {
        for (ConsumerFactory.Listener<K, V> listener : List.copyOf(factory.getListeners())) {
            if (listener.getClass() == MicrometerConsumerListener.class) {
                factory.removeListener(listener);
                factory.addListener(new RefreshedListener<>(meters, scheduler, refresh));
            }
        }
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    private static final class RefreshedListener<K, V> extends MicrometerConsumerListener<K, V> {

        private final ScheduledExecutorService scheduler;
        private final Duration refresh;

        RefreshedListener(MeterRegistry registry, ScheduledExecutorService scheduler, Duration refresh) {
            super(registry);
            this.scheduler = scheduler;
            this.refresh = refresh;
        }

        @Override
        protected MeterBinder createClientMetrics(Consumer<K, V> consumer, List<Tag> tags) {
            return new KafkaClientMetrics(consumer, tags, scheduler, refresh);
        }
    }
}
