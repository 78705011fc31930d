package org.ws2.reporting.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Which client a stream counts against: the gateway's rule for naming a caller, replayed in the service. */
class StreamClientsTest {

    private final StreamClients clients = new StreamClients(List.of("127.0.0.1", "::1", "10.0.0.0/8"));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertThat(clients.name(request("203.0.113.9", "198.51.100.1"))).isEqualTo("ip:203.0.113.9");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
        assertThat(clients.name(request("10.1.2.3", "198.51.100.1"))).isEqualTo("ip:198.51.100.1");
        // what the client made up is left of what our proxies appended
        assertThat(clients.name(request("10.1.2.3", "192.0.2.77, 198.51.100.1, 10.9.9.9")))
                .isEqualTo("ip:198.51.100.1");
        assertThat(clients.name(request("127.0.0.1", "2001:DB8:0::7"))).isEqualTo("ip:2001:db8:0:0:0:0:0:7");
    }

    @Test
    void aRequestThatNamesNobodyIsNoClient() {
        // the gateway forwarding no address: every anonymous caller would share one share
        assertThat(clients.name(request("127.0.0.1", null))).isNull();
        assertThat(clients.name(request("10.1.2.3", "10.4.5.6"))).isNull();
        // not an address: nothing past it can be believed, and it must not name a client of its own
        assertThat(clients.name(request("10.1.2.3", "198.51.100.1, unknown"))).isNull();
        assertThat(clients.name(request("10.1.2.3", "999.1.1.1"))).isNull();
    }

    @Test
    void byDefaultOnlyThisMachinesOwnAddressIsTrustedAsTheGatewayTrustsIt() {
        StreamClients byDefault = new StreamClients(List.of(StreamClients.GATEWAY_DEFAULT.split(",")));
        assertThat(byDefault.name(request("127.0.0.1", null))).isNull();
        assertThat(byDefault.name(request("127.0.0.1", "198.51.100.1"))).isEqualTo("ip:198.51.100.1");
        assertThat(byDefault.name(request("::1", "198.51.100.1"))).isEqualTo("ip:198.51.100.1");
        // another loopback address is a caller, as at the gateway: visitors on the local stack are told apart
        assertThat(byDefault.name(request("127.0.0.1", "127.22.0.7"))).isEqualTo("ip:127.22.0.7");
        assertThat(byDefault.name(request("10.42.0.17", "198.51.100.1"))).isEqualTo("ip:10.42.0.17");
    }

    @Test
    void aSignedInPersonIsNamedByTheirTokenSubject() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("ada").build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
        assertThat(clients.name(request("203.0.113.9", null))).isEqualTo("sub:ada");
    }

    @Test
    void addressesAreNeverLookedUp() {
        assertThat(StreamClients.literal("localhost")).isNull();
        assertThat(StreamClients.literal("cafe")).isNull();
        assertThat(StreamClients.literal("::zz")).isNull();
        assertThat(StreamClients.literal("1.2.3.4:80")).isNull();
        assertThat(StreamClients.literal(" 198.51.100.1 ").getHostAddress()).isEqualTo("198.51.100.1");
    }

    private static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/events/stream");
        request.setRemoteAddr(peer);
        Map.of("X-Forwarded-For", forwardedFor == null ? "" : forwardedFor).forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.addHeader(name, value);
            }
        });
        return request;
    }
}
