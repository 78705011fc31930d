package org.ws2.gateway.ratelimit;

import java.time.Duration;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import reactor.core.publisher.Mono;

/**
 * Counts in Redis, so every replica of the gateway draws on the same allowance. Bucket4j keeps each
 * bucket in one key, updated by compare-and-swap, and lets it expire once it would be full again.
 */
final class RedisBuckets implements CallerBuckets, AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final AsyncProxyManager<String> buckets;
    private final Duration timeout;

    RedisBuckets(String redisUrl, Duration timeout) {
        this.timeout = timeout;
        this.client = RedisClient.create(redisUrl);
        this.client.setDefaultTimeout(timeout);
        // While Redis is away a command fails at once (and the request goes through uncounted) instead of
        // queueing in memory until it is back.
        this.client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        Duration.ofSeconds(10)))
                .build()
                .asAsync();
    }

    @Override
    public Mono<ConsumptionProbe> take(String caller, Allowance allowance) {
        String key = "ws2:rate-limit:" + allowance.name() + ":" + caller;
        // The store's wait is bounded here, not by the caller: the in-process count needs no timer per request.
        return Mono.fromFuture(() -> buckets.builder().build(key, allowance.configuration()).tryConsumeAndReturnRemaining(1))
                .timeout(timeout);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
