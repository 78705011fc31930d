package org.ws2.gateway.routing;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * Names are looked up again every few seconds (the JVM caches answers for 30 s), so replicas that come and go
 * are seen within seconds. An https URI is kept by name, since its certificate names the host.
 */
final class ResolvedServiceInstances implements ReactiveDiscoveryClient {

    /** How a host name becomes addresses; the system resolver in production. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** As often as Docker's DNS is worth asking; the JVM caches its answers for 30 s anyway. */
    static final Duration LOOKUP_INTERVAL = Duration.ofSeconds(5);

    private final Map<String, List<URI>> configured;
    private final Resolver resolver;
    private final Map<String, Looked> looked = new ConcurrentHashMap<>();

    ResolvedServiceInstances(Map<String, List<URI>> configured, Resolver resolver) {
        this.configured = Map.copyOf(configured);
        this.resolver = resolver;
    }

    @Override
    public String description() {
        return "ws2.services, host names resolved to every address";
    }

    /**
     * The load balancer asks on every request. Addresses given as IP literals (the launcher's) are answered
     * at once; only a name is looked up, off the event loop since a lookup may block, and at most every
     * {@link #LOOKUP_INTERVAL}.
     */
    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        Looked last = looked.get(serviceId);
        if (last != null && (last.literalsOnly() || System.nanoTime() - last.at() < LOOKUP_INTERVAL.toNanos())) {
            return Flux.fromIterable(last.instances());
        }
        return Mono.fromCallable(() -> lookUp(serviceId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(Flux::fromIterable);
    }

    private List<ServiceInstance> lookUp(String serviceId) {
        List<ServiceInstance> instances = instances(serviceId);
        boolean literalsOnly = configured.getOrDefault(serviceId, List.of()).stream()
                .allMatch(uri -> !needsLookUp(uri));
        looked.put(serviceId, new Looked(instances, System.nanoTime(), literalsOnly));
        return instances;
    }

    private record Looked(List<ServiceInstance> instances, long at, boolean literalsOnly) {
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

    private static boolean needsLookUp(URI uri) {
        String host = uri.getHost();
        return !"https".equalsIgnoreCase(uri.getScheme()) && !NetUtil.isValidIpV4Address(host)
                && !NetUtil.isValidIpV6Address(host);
    }

    private List<String> hosts(URI uri) {
        String host = uri.getHost();
        if (!needsLookUp(uri)) {
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
