package org.ws2.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.ws2.gateway.support.OneBackendGatewayTestBase;

/**
 * One caller cannot ask for as much as they like: each has an allowance of reads and of writes. Each test
 * uses its own people and addresses, since the buckets live as long as the gateway.
 */
@TestPropertySource(properties = { "ws2.rate-limit.reads-per-minute=5", "ws2.rate-limit.writes-per-minute=2" })
class RateLimitTest extends OneBackendGatewayTestBase {

    @Autowired
    MeterRegistry meters;

    @Test
    void aPersonOverTheirWriteAllowanceGets429ProblemWithRetryAfterAndTheServiceNeverSeesIt() {
        String editor = TOKENS.valid("alac-editor-1", List.of("group-editor"), List.of("ALAC"));
        for (int i = 1; i <= 2; i++) {
            write(editor).expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Policy", "\"writes\";q=2;w=60")
                .expectHeader().valueMatches("RateLimit", "\"writes\";r=" + (2 - i) + ";t=\\d+");
        }
        BACKEND.forgetRequests();

        write(editor).expectStatus().isEqualTo(429)
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]*")
            .expectHeader().valueMatches("RateLimit", "\"writes\";r=0;t=[1-9][0-9]*")
            .expectBody()
            .jsonPath("$.type").isEqualTo("urn:ws2:problem:rate-limited")
            .jsonPath("$.status").isEqualTo(429)
            .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("2 writes a minute"));
        assertThat(BACKEND.lastRequest()).isNull();
        assertThat(meters.counter("ws2.gateway.rate_limit", "allowance", "writes", "caller", "person",
                "outcome", "refused").count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void oneRefusedPersonDoesNotSlowAnotherNorTheirOwnReads() {
        String first = TOKENS.valid("support-1", List.of("support-staff"), List.of());
        String second = TOKENS.valid("support-2", List.of("support-staff"), List.of());
        write(first).expectStatus().isOk();
        write(first).expectStatus().isOk();
        write(first).expectStatus().isEqualTo(429);

        write(second).expectStatus().isOk();
        client.get().uri("/api/recommendations/2.1").header(HttpHeaders.AUTHORIZATION, "Bearer " + first)
            .exchange().expectStatus().isOk()
            .expectHeader().valueEquals("RateLimit-Policy", "\"reads\";q=5;w=60");
    }

    @Test
    void anonymousReadersAreCountedByAddressThroughATrustedProxy() {
        for (int i = 0; i < 5; i++) {
            read("198.51.100.7").expectStatus().isOk();
        }
        read("198.51.100.7").expectStatus().isEqualTo(429)
            .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "[1-9][0-9]*")
            .expectBody().jsonPath("$.type").isEqualTo("urn:ws2:problem:rate-limited");

        // The web module forwards for many readers: another reader behind it is not held back.
        read("198.51.100.8").expectStatus().isOk();
        // A reader cannot escape their count by claiming to be a trusted proxy's client twice over.
        read("127.0.0.1, 198.51.100.7").expectStatus().isEqualTo(429);
    }

    @Test
    void aForwardedValueThatIsNotAnAddressGetsNoAllowanceOfItsOwn() {
        // Made-up names would each start a fresh bucket: they count as the proxy that sent them.
        for (int i = 0; i < 5; i++) {
            read("made-up-visitor-" + i).expectStatus().isOk();
        }
        read("made-up-visitor-5").expectStatus().isEqualTo(429);
    }

    @Test
    void oneAddressSpelledTwoWaysIsOneCaller() {
        for (int i = 0; i < 5; i++) {
            read(i % 2 == 0 ? "2001:db8::7" : "2001:0db8:0:0:0:0:0:7").expectStatus().isOk();
        }
        read("2001:DB8:0::7").expectStatus().isEqualTo(429);
    }

    @Test
    void healthChecksAreNeverLimited() {
        // Often the JVM's first request, with client and management server both cold: on one CI box it went
        // unanswered past the 30 s response timeout. What this test holds is that a gateway answering health
        // checks keeps answering them past every allowance: wait for a first answer, then count.
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().untilAsserted(
                () -> operator().get().uri("/actuator/health").exchange().expectStatus().is2xxSuccessful());
        for (int i = 0; i < 8; i++) {
            operator().get().uri("/actuator/health").exchange().expectStatus().is2xxSuccessful();
        }
    }

    private WebTestClient.ResponseSpec write(String token) {
        return postJson("/api/recommendations", token, "{\"id\":\"9.9\"}");
    }

    private WebTestClient.ResponseSpec read(String forwardedFor) {
        return client.get().uri("/api/recommendations").header("X-Forwarded-For", forwardedFor).exchange();
    }
}
