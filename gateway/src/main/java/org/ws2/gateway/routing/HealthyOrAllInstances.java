package org.ws2.gateway.routing;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The instances whose readiness answered, or every instance when none did. Spring Cloud
 * LoadBalancer's health check times out at its interval; on an overloaded machine a healthy but slow
 * service can miss that, and the route would have no instance at all (every request a 503 problem).
 * Falling back to all instances leaves the failure handling to the retry of reads
 * and the circuit breaker, as with a single URI. Between two checks, an instance that refused a
 * connection is left out ({@link RefusedInstances}).
 * <p>
 * Not a {@code @Configuration}: it is the default configuration of every load-balancer client
 * ({@link ServiceInstances}), instantiated in each client's own context.
 */
public class HealthyOrAllInstances {

    @Bean
    ServiceInstanceListSupplier serviceInstanceListSupplier(ConfigurableApplicationContext context,
            RefusedInstances refused) {
        ServiceInstanceListSupplier all = ServiceInstanceListSupplier.builder().withDiscoveryClient().build(context);
        ServiceInstanceListSupplier healthy = ServiceInstanceListSupplier.builder().withDiscoveryClient().withHealthChecks()
                .build(context);
        return new HealthyOrAll(all, healthy, refused);
    }

    /**
     * The bean is this wrapper, so Spring's lifecycle calls reach the health-check supplier only through it. Its
     * {@code afterPropertiesSet} starts the checks in the background, every interval, keeping the latest result;
     * without that call each request subscribed to the checks itself, and so waited for a readiness call to every
     * instance and went to whichever answered first (71 checks for 40 requests, HealthChecksOnTheirIntervalTest).
     */
    static final class HealthyOrAll implements ServiceInstanceListSupplier, InitializingBean, DisposableBean {

        private final ServiceInstanceListSupplier all;
        private final ServiceInstanceListSupplier healthy;
        private final RefusedInstances refused;

        HealthyOrAll(ServiceInstanceListSupplier all, ServiceInstanceListSupplier healthy, RefusedInstances refused) {
            this.all = all;
            this.healthy = healthy;
            this.refused = refused;
        }

        @Override
        public String getServiceId() {
            return all.getServiceId();
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            // evaluated at each choice: the latest health-check result, less the instances that refused since. The
            // list of every instance is asked for only when none is up: asking for it on every request cost a look-up
            // with a timer (the discovery supplier's timeout) per request
            return healthy.get().next()
                    .flatMap(up -> up.isEmpty() ? all.get().next() : Mono.just(up))
                    .map(refused::without)
                    .flux();
        }

        @Override
        public void afterPropertiesSet() throws Exception {
            if (healthy instanceof InitializingBean checks) {
                checks.afterPropertiesSet();
            }
        }

        @Override
        public void destroy() throws Exception {
            if (healthy instanceof DisposableBean checks) {
                checks.destroy();
            }
        }
    }
}
