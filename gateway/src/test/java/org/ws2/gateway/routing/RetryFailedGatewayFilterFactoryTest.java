package org.ws2.gateway.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The route filters of application.yml: reads retried on 5xx and I/O errors, writes only when never sent. */
class RetryFailedGatewayFilterFactoryTest {

    final GatewayFilter reads = new RetryFailedGatewayFilterFactory().apply(new RetryConfig().setRetries(2)
            .setMethods(HttpMethod.GET, HttpMethod.HEAD).setSeries(HttpStatus.Series.SERVER_ERROR)
            .setExceptions(IOException.class).setBackoff(Duration.ofMillis(10), Duration.ofMillis(50), 2, false));
    final GatewayFilter writes = new RetryFailedGatewayFilterFactory().apply(new RetryConfig().setRetries(2)
            .setMethods(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE).setSeries()
            .setStatuses().setExceptions(ConnectException.class));

    @Test
    void aReadAnswered5xxIsAskedAgainUntilAnAttemptSucceeds() {
        Attempts attempts = new Attempts(HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.BAD_GATEWAY, HttpStatus.OK);

        assertThat(read(attempts)).isEqualTo(HttpStatus.OK);
        assertThat(attempts.made.get()).isEqualTo(3);
    }

    @Test
    void afterItsRetriesTheLastAnswerIsTheRequests() {
        Attempts attempts = new Attempts(HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE,
                HttpStatus.INTERNAL_SERVER_ERROR, HttpStatus.OK);

        assertThat(read(attempts)).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(attempts.made.get()).isEqualTo(3);
    }

    @Test
    void aReadCutOffIsRetriedAndAfterItsRetriesFailsWithTheLastError() {
        Attempts attempts = new Attempts(new IOException("reset"), new IOException("reset again"),
                new IOException("and again"), HttpStatus.OK);

        assertThatThrownBy(() -> reads.filter(exchange(HttpMethod.GET), attempts).block(Duration.ofSeconds(5)))
                .hasMessageContaining("and again");
        assertThat(attempts.made.get()).isEqualTo(3);
    }

    @Test
    void aClientErrorOrAnErrorNotListedIsNotRetried() {
        Attempts answered = new Attempts(HttpStatus.NOT_FOUND, HttpStatus.OK);
        assertThat(read(answered)).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answered.made.get()).isEqualTo(1);

        Attempts failed = new Attempts(new IllegalStateException("not I/O"), HttpStatus.OK);
        assertThatThrownBy(() -> reads.filter(exchange(HttpMethod.GET), failed).block(Duration.ofSeconds(5)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(failed.made.get()).isEqualTo(1);
    }

    @Test
    void aWriteIsSentAgainOnlyWhenItsConnectionWasRefused() {
        Attempts refused = new Attempts(new ConnectException("refused"), HttpStatus.OK);
        MockServerWebExchange exchange = exchange(HttpMethod.POST);
        reads.filter(exchange, e -> writes.filter(e, refused)).block(Duration.ofSeconds(5));
        assertThat(refused.made.get()).isEqualTo(2);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);

        Attempts answered = new Attempts(HttpStatus.INTERNAL_SERVER_ERROR, HttpStatus.OK);
        reads.filter(exchange(HttpMethod.POST), e -> writes.filter(e, answered)).block(Duration.ofSeconds(5));
        assertThat(answered.made.get()).isEqualTo(1);

        Attempts cutOff = new Attempts(new IOException("reset"), HttpStatus.OK);
        assertThatThrownBy(() -> reads.filter(exchange(HttpMethod.POST), e -> writes.filter(e, cutOff))
                .block(Duration.ofSeconds(5))).hasCauseInstanceOf(IOException.class);
        assertThat(cutOff.made.get()).isEqualTo(1);
    }

    /** A GET through the read routes' retries: the status its caller is answered, once every attempt is made. */
    private HttpStatusCode read(Attempts attempts) {
        MockServerWebExchange exchange = exchange(HttpMethod.GET);
        reads.filter(exchange, attempts).block(Duration.ofSeconds(5));
        return exchange.getResponse().getStatusCode();
    }

    private static MockServerWebExchange exchange(HttpMethod method) {
        return MockServerWebExchange.from(MockServerHttpRequest.method(method, "/api/groups/ALAC"));
    }

    /** The rest of the route: each attempt answers the next status, or fails with the next error. */
    static final class Attempts implements GatewayFilterChain {

        final Deque<Object> outcomes;
        final AtomicInteger made = new AtomicInteger();

        Attempts(Object... outcomes) {
            this.outcomes = new ArrayDeque<>(List.of(outcomes));
        }

        @Override
        public Mono<Void> filter(org.springframework.web.server.ServerWebExchange exchange) {
            return Mono.defer(() -> {
                made.incrementAndGet();
                Object outcome = outcomes.removeFirst();
                if (outcome instanceof Throwable error) {
                    return Mono.error(error);
                }
                exchange.getResponse().setStatusCode((HttpStatus) outcome);
                return Mono.empty();
            });
        }
    }
}
