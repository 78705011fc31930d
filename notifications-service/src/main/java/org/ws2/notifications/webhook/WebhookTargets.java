package org.ws2.notifications.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;

import lombok.RequiredArgsConstructor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Where a webhook may post. In production only {@code https} to public addresses: a webhook that
 * could reach loopback or the private network would let whoever registers it probe the inside
 * (server-side request forgery). The local stack and tests allow plain http and loopback.
 * Checked when a subscription is saved and again before each attempt, since DNS may change.
 */
@Component
@RequiredArgsConstructor
public class WebhookTargets {

    private final Policy policy;

    /** Why {@code url} may not be posted to, or null if it may. */
    public String refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return "url must be an absolute http(s) URL.";
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || scheme == null) {
            return "url must be an absolute http(s) URL.";
        }
        if (!scheme.equals("https") && !(scheme.equals("http") && policy.allowHttp())) {
            return "url must use https.";
        }
        if (uri.getUserInfo() != null) {
            return "url must not carry credentials; receivers verify the signature instead.";
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            return "url's host " + uri.getHost() + " does not resolve.";
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() && !policy.allowLoopback()) {
                return "url must not point at a loopback address.";
            }
            if (isPrivate(address) && !policy.allowPrivate()) {
                return "url must not point at a private or link-local address.";
            }
        }
        return null;
    }

    static boolean isPrivate(InetAddress address) {
        if (address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // fc00::/7, unique local
        }
        // 100.64.0.0/10, carrier-grade NAT, used inside some clouds.
        return (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
    }

    /**
     * @param allowHttp     accept plain http targets (local stack, tests)
     * @param allowLoopback accept 127.0.0.0/8 and ::1 (local stack, tests)
     * @param allowPrivate  accept private, link-local and unique-local addresses (an intranet deployment)
     */
    @ConfigurationProperties("ws2.notifications.webhooks.targets")
    public record Policy(boolean allowHttp, boolean allowLoopback, boolean allowPrivate) {
    }
}
