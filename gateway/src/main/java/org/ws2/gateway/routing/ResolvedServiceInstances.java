package org.ws2.gateway.routing;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.netty.util.NetUtil;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Each service's instances: one per configured URI, and one per address where a URI's host name resolves to
 * several. The launcher passes one URI per replica; docker-compose (`--scale groups-service=2`) gives one
 * name that resolves to every container, which this turns into one instance each, so the load balancer
 * checks and balances them like the launcher's; a Kubernetes Service name resolves to its one ClusterIP.
 * Names are resolved again on every look-up (the JVM caches answers for 30 s), so replicas that come and go
 * are seen. An https URI is kept by name, since its certificate names the host.
 */
final class ResolvedServiceInstances implements ReactiveDiscoveryClient {

    /** How a host name becomes addresses; the system resolver in production. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Map<String, List<URI>> configured;
    private final Resolver resolver;

    ResolvedServiceInstances(Map<String, List<URI>> configured, Resolver resolver) {
        this.configured = Map.copyOf(configured);
        this.resolver = resolver;
    }

    @Override
    public String description() {
        return "ws2.services, host names resolved to every address";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Mono.fromCallable(() -> instances(serviceId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable);
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(configured.keySet());
    }

    List<ServiceInstance> instances(String serviceId) {
        List<ServiceInstance> instances = new ArrayList<>();
        for (URI uri : configured.getOrDefault(serviceId, List.of())) {
            for (String host : hosts(uri)) {
                boolean secure = "https".equalsIgnoreCase(uri.getScheme());
                int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
                instances.add(new DefaultServiceInstance(serviceId + "-" + host + ":" + port, serviceId, host, port,
                        secure));
            }
        }
        return instances;
    }

    private List<String> hosts(URI uri) {
        String host = uri.getHost();
        if ("https".equalsIgnoreCase(uri.getScheme()) || NetUtil.isValidIpV4Address(host)
                || NetUtil.isValidIpV6Address(host)) {
            return List.of(host);
        }
        try {
            List<String> addresses = new ArrayList<>();
            for (InetAddress address : resolver.resolve(host)) {
                addresses.add(address.getHostAddress());
            }
            return addresses.isEmpty() ? List.of(host) : addresses;
        } catch (UnknownHostException e) {
            // Kept by name: the request then fails as a connection error (503 problem), and the next look-up
            // tries again, rather than the service vanishing from the gateway.
            return List.of(host);
        }
    }
}
