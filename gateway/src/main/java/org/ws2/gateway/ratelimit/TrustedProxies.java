package org.ws2.gateway.ratelimit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/** The addresses and CIDR ranges whose {@code X-Forwarded-For} names the real caller. */
final class TrustedProxies {

    /** The caller's address, worked out once per request: the rate limit and the forwarded header both need it. */
    private static final String CLIENT_ADDRESS = TrustedProxies.class.getName() + ".clientAddress";

    private final List<IpSubnetFilterRule> ranges;

    TrustedProxies(List<String> addressesOrRanges) {
        this.ranges = addressesOrRanges.stream().map(TrustedProxies::range).toList();
    }

    /** {@link #clientAddress(ServerHttpRequest)} of the exchange's request, worked out on the first call only. */
    String clientAddress(ServerWebExchange exchange) {
        String known = exchange.getAttribute(CLIENT_ADDRESS);
        if (known != null) {
            return known;
        }
        String address = clientAddress(exchange.getRequest());
        exchange.getAttributes().put(CLIENT_ADDRESS, address);
        return address;
    }

    /**
     * Who sent {@code request}: its remote address, unless that is a trusted proxy; then the right-most address
     * in its {@code X-Forwarded-For} that is not itself a trusted proxy.
     */
    String clientAddress(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return "unknown";
        }
        String address = remote.getAddress().getHostAddress();
        if (!contains(remote)) {
            return address;
        }
        // Walk the forwarding chain from the nearest hop: the first address we do not run is the caller. A hop
        // that is not an address ends the walk: nothing past it can be believed, so the proxy is the caller.
        List<String> forwarded = request.getHeaders().getValuesAsList("X-Forwarded-For");
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            if (forwarded.get(i).isBlank()) {
                continue;
            }
            // a value that is not an address must not name a caller of its own, or every made-up name would
            // start with a full allowance
            InetAddress hop = parse(forwarded.get(i));
            if (hop == null) {
                return address;
            }
            if (!contains(hop)) {
                return hop.getHostAddress();
            }
        }
        return address;
    }

    /** False for anything that is not an IP literal: a forwarded value is never looked up in DNS. */
    boolean contains(String address) {
        InetAddress parsed = parse(address);
        return parsed != null && contains(parsed);
    }

    boolean contains(InetAddress address) {
        return contains(new InetSocketAddress(address, 0));
    }

    private boolean contains(InetSocketAddress address) {
        for (IpSubnetFilterRule range : ranges) {
            if (range.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An IP literal, or null for anything else (never looked up in DNS). Its {@code getHostAddress()} is the one
     * spelling of it: {@code 2001:DB8:0::7} and {@code 2001:db8::7} are one caller.
     */
    static InetAddress parse(String address) {
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address.strip());
        try {
            return bytes == null ? null : InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            return null;
        }
    }

    private static IpSubnetFilterRule range(String entry) {
        String[] parts = entry.strip().split("/", 2);
        byte[] address = NetUtil.createByteArrayFromIpAddressString(parts[0]);
        if (address == null) {
            throw new IllegalArgumentException("ws2.rate-limit.trusted-proxies: '" + entry
                    + "' is not an IP address or CIDR range");
        }
        int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        return new IpSubnetFilterRule(parts[0], prefix, IpFilterRuleType.ACCEPT);
    }
}
