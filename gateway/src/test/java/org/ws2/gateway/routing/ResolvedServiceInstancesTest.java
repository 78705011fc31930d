package org.ws2.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;

class ResolvedServiceInstancesTest {

    /** What docker-compose's DNS answers for a service scaled to two containers. */
    private static InetAddress[] compose(String host) throws UnknownHostException {
        if (!host.equals("groups-service")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] { InetAddress.getByAddress(host, new byte[] { (byte) 172, 18, 0, 5 }),
                InetAddress.getByAddress(host, new byte[] { (byte) 172, 18, 0, 6 }) };
    }

    @Test
    void aNameThatResolvesToSeveralContainersIsOneInstanceEach() {
        var instances = new ResolvedServiceInstances(Map.of("groups-service", List.of(URI.create("http://groups-service:8082"))),
                ResolvedServiceInstancesTest::compose);

        assertThat(instances.getInstances("groups-service").collectList().block())
                .extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://172.18.0.5:8082"), URI.create("http://172.18.0.6:8082"));
    }

    @Test
    void theLaunchersAddressesAndHttpsNamesAreKeptAsGiven() {
        var instances = new ResolvedServiceInstances(Map.of(
                "reporting-service", List.of(URI.create("http://127.0.0.1:8083"), URI.create("http://127.0.0.1:9083")),
                "notifications-service", List.of(URI.create("https://notifications.example.org"))),
                host -> { throw new AssertionError("resolved " + host); });

        assertThat(instances.instances("reporting-service")).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://127.0.0.1:8083"), URI.create("http://127.0.0.1:9083"));
        assertThat(instances.instances("notifications-service")).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("https://notifications.example.org:443"));
    }

    @Test
    void aNameThatDoesNotResolveYetStaysAnInstanceSoItsRouteAnswersAProblemNotNothing() {
        var instances = new ResolvedServiceInstances(Map.of("web", List.of(URI.create("http://web:8085"))),
                ResolvedServiceInstancesTest::compose);

        assertThat(instances.instances("web")).extracting(ServiceInstance::getUri)
                .containsExactly(URI.create("http://web:8085"));
    }
}
