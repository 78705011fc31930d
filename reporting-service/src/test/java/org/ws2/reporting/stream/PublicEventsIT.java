package org.ws2.reporting.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.EventCodec;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.reporting.support.ReportingIntegrationTestBase;
import org.ws2.reporting.support.WorldFeed;
import org.ws2.testsupport.ServiceIntegrationTest;

/**
 * The public stream's store takes a poll at a time: one transaction for the poll's records, each event
 * stored once in the order it was published, the evidence log kept, unreadable records left out.
 */
@ServiceIntegrationTest
class PublicEventsIT extends ReportingIntegrationTestBase {

    private static final int PARTITIONS = 3;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    EventCodec codec;

    @Test
    void aPollIsStoredInOneTransactionEachEventOnceInOrder() throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer(PublicEventsListener.LISTENER_ID);
        WorldFeed feed = new WorldFeed(kafka);
        Instant at = Instant.parse("2022-03-01T10:00:00Z");
        List<String> ids = List.of("4.951", "4.952", "4.953", "4.954");
        container.stop();
        try {
            // Published while the listener is away, so that its next polls find them all at once.
            for (String id : ids) {
                feed.registerRecommendation(id, "Jurisdiction", Ownership.ORG, List.of(), at);
                feed.move(id, RecommendationStatus.IN_PROGRESS, "2022-Q2", at.plusSeconds(60));
            }
            feed.evidence("4.951", "Jurisdiction report", "https://example.org/4.951", at.plusSeconds(120));
            CloudEvent again = feed.published().get(1);
            kafka.send(Topics.RECOMMENDATIONS, again.subject(), codec.write(again)).get(10, TimeUnit.SECONDS);
            kafka.send(Topics.RECOMMENDATIONS, "4.952", "not an event").get(10, TimeUnit.SECONDS);
            kafka.send(Topics.RECOMMENDATIONS, "4.953", "[\"an array\"]").get(10, TimeUnit.SECONDS);
        } finally {
            container.start();
        }
        int published = feed.published().size();

        await().atMost(Duration.ofSeconds(60)).until(() -> stored(ids).size() == published);

        List<String> stored = stored(ids);
        assertThat(stored).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(feed.published().stream().map(CloudEvent::id).toList());
        for (String id : ids) {
            assertThat(jdbc.sql("SELECT event_id FROM public_event WHERE subject = :id ORDER BY seq").param("id", id)
                    .query(String.class).list()).as("the order of %s's events", id)
                    .containsExactlyElementsOf(feed.published().stream().filter(e -> e.subject().equals(id))
                            .map(CloudEvent::id).toList());
        }
        // A record listener committed once per event (nine here); a poll's records share one transaction.
        assertThat(jdbc.sql("SELECT count(DISTINCT xmin::text) FROM public_event WHERE subject IN (:ids)")
                .param("ids", ids).query(Long.class).single()).isBetween(1L, (long) PARTITIONS);
        assertThat(jdbc.sql("SELECT url FROM evidence WHERE recommendation_id = '4.951'").query(String.class).list())
                .containsExactly("https://example.org/4.951");
    }

    private List<String> stored(List<String> subjects) {
        return jdbc.sql("SELECT event_id FROM public_event WHERE subject IN (:ids)")
                .param("ids", subjects).query(String.class).list();
    }
}
