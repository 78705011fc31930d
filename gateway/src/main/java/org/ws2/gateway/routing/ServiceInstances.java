package org.ws2.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryClient;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryProperties;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Where each service's instances are: {@code ws2.services.<service-id>} is a comma-separated list
 * of base URIs (the launcher passes one per replica in {@code WS2_GROUPS_URI} and friends; in
 * Kubernetes it is the one Service address). Routes name {@code lb://<service-id>}, and Spring Cloud
 * LoadBalancer picks among the instances whose readiness answers, round robin.
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

    /** Reactive, because the gateway's load balancer asks a {@code ReactiveDiscoveryClient}. */
    @Bean
    SimpleReactiveDiscoveryClient ws2ServiceInstances(Ws2Services configured) {
        Map<String, List<InstanceProperties>> all = new LinkedHashMap<>();
        configured.services().forEach((serviceId, uris) -> {
            List<InstanceProperties> instances = new ArrayList<>();
            for (int i = 0; i < uris.size(); i++) {
                InstanceProperties instance = new InstanceProperties();
                instance.setInstanceId(serviceId + "-" + (i + 1));
                instance.setServiceId(serviceId);
                instance.setUri(uris.get(i));
                instances.add(instance);
            }
            all.put(serviceId, instances);
        });
        SimpleReactiveDiscoveryProperties properties = new SimpleReactiveDiscoveryProperties();
        properties.setInstances(all);
        properties.afterPropertiesSet();
        return new SimpleReactiveDiscoveryClient(properties);
    }
}
