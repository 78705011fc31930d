package org.ws2.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies(List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "10.0.0.0/8"));

    @Test
    void singleAddressesAndRangesAreTrusted() {
        assertThat(proxies.contains("127.0.0.1")).isTrue();
        assertThat(proxies.contains("::1")).isTrue();
        assertThat(proxies.contains("10.42.7.9")).isTrue();
    }

    @Test
    void othersAndNonLiteralsAreNot() {
        assertThat(proxies.contains("127.0.0.2")).isFalse();
        assertThat(proxies.contains("11.0.0.1")).isFalse();
        assertThat(proxies.contains("localhost")).as("never resolved").isFalse();
        assertThat(proxies.contains("")).isFalse();
    }

    @Test
    void aMistypedEntryStopsStartUp() {
        assertThatThrownBy(() -> new TrustedProxies(List.of("gateway.internal")))
                .hasMessageContaining("not an IP address or CIDR range");
    }
}
