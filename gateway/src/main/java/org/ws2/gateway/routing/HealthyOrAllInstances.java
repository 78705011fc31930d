package org.ws2.gateway.routing;

import java.util.List;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The instances whose readiness answered, or every instance when none did. Spring Cloud
 * LoadBalancer's health check times out at its interval; on an overloaded machine a healthy but slow
 * service missed that and the route had no instance at all (every request a 503 problem, measured
 * in the benchmark). Falling back to all instances leaves the failure handling to the retry of reads
 * and the circuit breaker, as with a single URI.
 * <p>
 * Not a {@code @Configuration}: it is the default configuration of every load-balancer client
 * ({@link ServiceInstances}), instantiated in each client's own context.
 */
public class HealthyOrAllInstances {

    @Bean
    ServiceInstanceListSupplier serviceInstanceListSupplier(ConfigurableApplicationContext context) {
        ServiceInstanceListSupplier all = ServiceInstanceListSupplier.builder().withDiscoveryClient().build(context);
        ServiceInstanceListSupplier healthy = ServiceInstanceListSupplier.builder().withDiscoveryClient().withHealthChecks()
                .build(context);
        return new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return all.getServiceId();
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.combineLatest(healthy.get(), all.get(), (up, every) -> up.isEmpty() ? every : up);
            }
        };
    }
}
