package org.ws2.gateway.routing;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Where each service's instances are: {@code ws2.services.<service-id>} is a comma-separated list
 * of base URIs (the launcher passes one per replica in {@code WS2_GROUPS_URI} and friends; in
 * Kubernetes it is the one Service address; in docker-compose one name for every container of a scaled
 * service, resolved to each of them by {@link ResolvedServiceInstances}). Routes name {@code lb://<service-id>},
 * and Spring Cloud LoadBalancer picks among the instances whose readiness answers, round robin.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ServiceInstances.Ws2Services.class)
@LoadBalancerClients(defaultConfiguration = HealthyOrAllInstances.class)
public class ServiceInstances {

    @ConfigurationProperties("ws2")
    public record Ws2Services(Map<String, List<URI>> services) {
    }

    /**
     * The client the load balancer's health checks use: its health-check configuration needs a
     * {@code WebClient.Builder} bean, which Boot 4 no longer provides to the gateway (without one no
     * instance list is built and every route answers 503).
     */
    @Bean
    @Scope(BeanDefinition.SCOPE_PROTOTYPE)
    @ConditionalOnMissingBean
    WebClient.Builder healthCheckWebClientBuilder() {
        return WebClient.builder();
    }

    /** At the start of the route's filters. */
    @Bean
    GlobalFilter contextAtTheRoutesFilters() {
        return new ReactorContextBarrier(Ordered.HIGHEST_PRECEDENCE);
    }

    /** Between the load balancer's choice (and RefusedInstances, which watches it) and the call to the service. */
    @Bean
    GlobalFilter contextAtTheServiceCall() {
        return new ReactorContextBarrier(ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 2);
    }

    /** Reactive, because the gateway's load balancer asks a {@code ReactiveDiscoveryClient}. */
    @Bean
    ReactiveDiscoveryClient ws2ServiceInstances(Ws2Services configured) {
        return new ResolvedServiceInstances(configured.services(), InetAddress::getAllByName);
    }
}
