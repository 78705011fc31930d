package org.ws2.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Instances that refused a connection lately, left out of the load balancer's choice until the next
 * health check could have seen them again.
 * <p>
 * The health check notices a dead instance only at its next round (every 5 s). Until then round robin
 * keeps choosing it, and a read's retries, chosen among many concurrent requests, can land on it every
 * time, so the read answers 503 while a healthy instance stands by. A refused connection is already that
 * fact, learnt by a request.
 * When every instance of a service refused, all of them stay in the choice, as with
 * {@link HealthyOrAllInstances}: the circuit breaker handles a service that is down.
 */
@Component
public class RefusedInstances implements GlobalFilter, Ordered {

    private final Map<String, Long> refusedUntil = new ConcurrentHashMap<>();
    private final long holdOffNanos;
    private final LongSupplier nanoTime;

    @Autowired
    RefusedInstances(@Value("${spring.cloud.loadbalancer.health-check.interval:5s}") Duration healthCheckInterval) {
        this(healthCheckInterval, System::nanoTime);
    }

    RefusedInstances(Duration holdOff, LongSupplier nanoTime) {
        this.holdOffNanos = holdOff.toNanos();
        this.nanoTime = nanoTime;
    }

    /** Right after the load balancer's choice, so that a refusal is seen with the instance it came from. */
    @Override
    public int getOrder() {
        return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).doOnError(error -> {
            URI chosen = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
            if (chosen != null && refusedConnection(error)) {
                refused(chosen.getHost(), chosen.getPort());
            }
        });
    }

    void refused(String host, int port) {
        refusedUntil.put(address(host, port), nanoTime.getAsLong() + holdOffNanos);
    }

    /** The instances that have not refused a connection within the hold-off, or all of them if every one has. */
    List<ServiceInstance> without(List<ServiceInstance> instances) {
        if (refusedUntil.isEmpty()) {
            return instances;
        }
        long now = nanoTime.getAsLong();
        List<ServiceInstance> answering = instances.stream().filter(i -> {
            Long until = refusedUntil.get(address(i.getHost(), i.getPort()));
            return until == null || until - now <= 0;
        }).toList();
        return answering.isEmpty() ? instances : answering;
    }

    private static String address(String host, int port) {
        return host + ":" + port;
    }

    /** Refused, or not connected within the connect timeout (netty's exception is a ConnectException too). */
    private static boolean refusedConnection(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
