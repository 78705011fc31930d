package org.ws2.reporting.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.ws2.service.problem.ApiProblem;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The hub's two limits: a share per client and the cap on all streams, each refused with its own problem. */
class EventStreamAdmissionTest {

    private static final EventStreamHub.Filter ALL = new EventStreamHub.Filter(Set.of(), Set.of(), null);

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EventStreamHub hub = new EventStreamHub(mock(PublicEventStore.class), meters, Duration.ofHours(1),
            Duration.ofSeconds(15), 3, 2, 10, Duration.ofSeconds(10));

    @AfterEach
    void close() {
        hub.destroy();
    }

    @Test
    void aClientGetsItsShareAndTheCapHoldsForAll() {
        hub.subscribe(ALL, 0, "ip:198.51.100.1");
        hub.subscribe(ALL, 0, "ip:198.51.100.1");
        assertThatThrownBy(() -> hub.subscribe(ALL, 0, "ip:198.51.100.1"))
                .isInstanceOfSatisfying(EventStreamHub.Refused.class,
                        r -> assertThat(r.reason).isEqualTo(EventStreamHub.Refusal.CLIENT_SHARE));
        hub.subscribe(ALL, 0, null);
        assertThatThrownBy(() -> hub.subscribe(ALL, 0, "ip:198.51.100.2"))
                .isInstanceOfSatisfying(EventStreamHub.Refused.class,
                        r -> assertThat(r.reason).isEqualTo(EventStreamHub.Refusal.FULL));
        assertThat(hub.subscriberCount()).isEqualTo(3);
        assertThat(hub.streamsOf("ip:198.51.100.1")).isEqualTo(2);
        assertThat(meters.counter("ws2.stream.refused", "reason", "client-share").count()).isEqualTo(1);
        assertThat(meters.counter("ws2.stream.refused", "reason", "full").count()).isEqualTo(1);
    }

    @Test
    void aFullStreamIsA503ProblemWithRetryAfter() {
        EventStreamController controller = new EventStreamController(hub, mock(PublicEventStore.class),
                new StreamClients(List.of("127.0.0.1")), Duration.ofSeconds(7));
        for (int i = 0; i < 3; i++) {
            hub.subscribe(ALL, 0, "ip:192.0.2." + i);
        }
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/events/stream");
        request.setRemoteAddr("203.0.113.5");
        assertThatThrownBy(() -> controller.stream(null, null, null, "0", null, request))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.getBody().getType()).isEqualTo(ApiProblem.typeUri("stream-full"));
                    assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("7");
                });
    }
}
