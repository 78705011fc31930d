package org.ws2.reporting.stream;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;
import org.ws2.service.security.Actor;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Names the client whose share of streams a request counts against, by the rule the gateway names a caller
 * by for its rate limits (gateway {@code ratelimit/CallerRateLimit}, docs/adr/0026): a signed-in person by
 * their verified token's subject; anyone else by address. The address is the peer, unless the peer is a
 * trusted proxy (the gateway, the web module): then the right-most {@code X-Forwarded-For} entry that is not
 * itself a trusted proxy, since that is the one a proxy of ours appended and the entries left of it are
 * whatever the client sent.
 * <p>
 * Null when the request names nobody: it came through trusted proxies only, or a hop that is not an IP
 * address ends the walk (nothing past it can be believed). Such a request is a crowd, not a client (e.g. a
 * gateway that does not forward the caller's address at all): it is held to the global cap only, or one
 * share would be every anonymous subscriber's.
 */
@Component
class StreamClients {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<IpAddressMatcher> trustedProxies;

    /**
     * By default what the gateway trusts by default (its {@code ws2.rate-limit.trusted-proxies}): this machine's
     * own addresses, exactly. A wider default would let a caller whose address falls in it (any 127.x.y.z on
     * the local stack) pass for a proxy and so share nobody's allowance; deployments name the gateway's network
     * (compose: its networks; deploy/k8s: the pod network, the same setting as the gateway's).
     */
    static final String GATEWAY_DEFAULT = "127.0.0.1,::1";

    StreamClients(@Value("${ws2.stream.trusted-proxies:" + GATEWAY_DEFAULT + "}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    String name(HttpServletRequest request) {
        var caller = Actor.caller();
        if (caller.isPresent()) {
            return "sub:" + caller.get().name();
        }
        InetAddress peer = literal(request.getRemoteAddr());
        if (peer == null) {
            return null;
        }
        if (!trusted(peer)) {
            return "ip:" + peer.getHostAddress();
        }
        List<String> forwarded = forwardedFor(request);
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(forwarded.get(i));
            if (hop == null) {
                return null;
            }
            if (!trusted(hop)) {
                return "ip:" + hop.getHostAddress();
            }
        }
        return null;
    }

    private boolean trusted(InetAddress address) {
        String literal = address.getHostAddress();
        return trustedProxies.stream().anyMatch(range -> range.matches(literal));
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        return hops;
    }

    /**
     * An IP literal, or null for anything else. Never a DNS look-up: IPv4 is assembled from its digits, and
     * IPv6 is parsed in brackets, which the JDK takes as a literal or refuses. One spelling per address
     * ({@code getHostAddress()}), so {@code 2001:DB8:0::7} and {@code 2001:db8::7} are one client.
     */
    static InetAddress literal(String value) {
        if (value == null) {
            return null;
        }
        String candidate = value.strip();
        try {
            var v4 = IPV4.matcher(candidate);
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(v4.group(i + 1));
                    if (octet > 255) {
                        return null;
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes);
            }
            if (IPV6.matcher(candidate).matches()) {
                return InetAddress.getByName("[" + candidate + "]");
            }
        } catch (UnknownHostException e) {
            return null;
        }
        return null;
    }
}
