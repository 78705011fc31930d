package org.ws2.groups.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.groups.support.GroupsApiTestBase;
import org.ws2.testsupport.RecommendationEventFeed;

/** The service's own copy of the catalogue, kept from real events on ws2.recommendations.v1. */
class KnownRecommendationsIT extends GroupsApiTestBase {

    @Test
    void theSameEventTwiceChangesNothingAndAnOlderVersionAfterANewerOneChangesNothing() throws Exception {
        CloudEvent registered = feed.registered("5.9.1", RecommendationStatus.NOT_STARTED, 1, RecommendationEventFeed.now());
        feed.awaitConsumed(feed.publish(registered));
        assertThat(known("5.9.1")).isEqualTo(new KnownRecommendation("5.9.1", "5", "Office of the Ombuds",
                "Test recommendation 5.9.1", "NOT_STARTED", "NONE", false, 1));

        feed.awaitConsumed(feed.publish(registered));
        assertThat(processed(registered.id())).isEqualTo(1);
        assertThat(known("5.9.1").version()).isEqualTo(1);

        feed.awaitConsumed(feed.publish(feed.statusChanged("5.9.1", RecommendationStatus.NOT_STARTED,
                RecommendationStatus.IN_PROGRESS, 3, RecommendationEventFeed.now())));
        feed.awaitConsumed(feed.publish(feed.statusChanged("5.9.1", RecommendationStatus.NOT_STARTED,
                RecommendationStatus.PLANNING, 2, RecommendationEventFeed.now())));
        KnownRecommendation held = known("5.9.1");
        assertThat(held.version()).isEqualTo(3);
        assertThat(held.status()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void aStatusChangeSeenFirstStillMakesTheRecommendationKnownAndNonsenseIsSkipped() throws Exception {
        feed.awaitConsumed(feed.send("5.9.2", "not a cloud event"));
        feed.awaitConsumed(feed.publish(feed.statusChanged("5.9.2", RecommendationStatus.NOT_STARTED,
                RecommendationStatus.PLANNING, 4, RecommendationEventFeed.now())));
        assertThat(known("5.9.2").status()).isEqualTo("PLANNING");
    }

    @Test
    void aRetiredRecommendationTakesNoNewAssignments() throws Exception {
        knownRecommendations("5.9.3");
        feed.awaitConsumed(feed.publish(feed.retired("5.9.3", RecommendationStatus.NOT_STARTED, 2, RecommendationEventFeed.now())));
        assertThat(known("5.9.3").retired()).isTrue();
        post("/api/assignments", staff(), """
                {"groupId":"ORG-OMBUDS","recommendationId":"5.9.3"}""")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:recommendation-retired"));
    }

    private KnownRecommendation known(String id) {
        return jdbc.sql("SELECT id, topic_prefix, topic, title, status, coordination, retired, version "
                + "FROM known_recommendation WHERE id = :id").param("id", id)
                .query(KnownRecommendation.class).single();
    }

    private long processed(String eventId) {
        return jdbc.sql("SELECT count(*) FROM ws2_processed_event WHERE event_id = :id").param("id", eventId)
                .query(Long.class).single();
    }
}
