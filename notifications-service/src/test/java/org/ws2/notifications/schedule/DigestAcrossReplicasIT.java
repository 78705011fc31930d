package org.ws2.notifications.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.ws2.contracts.Topics;
import org.ws2.notifications.NotificationsApplication;
import org.ws2.notifications.PersonTokens;
import org.ws2.notifications.TestMailServer;
import org.ws2.notifications.TestMailServer.WithTestMailServer;
import org.ws2.testsupport.RecommendationEventFeed;
import org.ws2.testsupport.ServiceIntegrationTest;

import com.icegreen.greenmail.util.GreenMailUtil;

/**
 * Two replicas of the service on one database, both running the daily digest every second: each
 * item followed reaches the person's mailbox in exactly one digest.
 */
@ServiceIntegrationTest
@WithTestMailServer
@TestPropertySource(properties = { DigestAcrossReplicasIT.DAILY_EVERY_SECOND, DigestAcrossReplicasIT.FAST_POLLING,
        "ws2.notifications.mail.poll-interval=100ms" })
class DigestAcrossReplicasIT {

    static final String DAILY_EVERY_SECOND = "ws2.notifications.schedule.daily-digest=FIXED_DELAY|1s";
    static final String FAST_POLLING = "ws2.notifications.schedule.polling-interval=200ms";

    @Autowired
    TestMailServer smtp;

    @Autowired
    MockMvc mvc;

    @Autowired
    Environment environment;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoReplicasSendEachDigestOnce() throws Exception {
        Map<String, String> shared = new HashMap<>();
        for (String key : List.of("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
                "spring.kafka.bootstrap-servers", "ws2.jwt.public-key-location", "spring.mail.host", "spring.mail.port")) {
            shared.put(key, environment.getProperty(key));
        }
        shared.put("server.port", "0");
        shared.put("ws2.notifications.schedule.daily-digest", "FIXED_DELAY|1s");
        shared.put("ws2.notifications.schedule.polling-interval", "200ms");
        shared.put("ws2.notifications.mail.poll-interval", "100ms");
        // As command-line arguments: they outrank application.yml, as the environment does for a real replica.
        String[] arguments = shared.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(NotificationsApplication.class)
                .run(arguments)) {
            // her own address (her token's email claim): mailed without a confirmation
            mvc.perform(post("/api/subscriptions")
                    .header(HttpHeaders.AUTHORIZATION, PersonTokens.withEmail("dina", "dina@example.org"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"channels\":[\"EMAIL\"],\"cadence\":\"DAILY\",\"topics\":[\"Transparency\"]}"))
                    .andExpect(status().isCreated());

            RecommendationEventFeed feed = new RecommendationEventFeed(kafka,
                    environment.getProperty("spring.kafka.bootstrap-servers"), "notifications-service",
                    Topics.internal(Topics.RECOMMENDATIONS));
            try (feed) {
                for (String id : List.of("8.1.1", "8.1.2", "8.1.3", "8.1.4", "8.1.5", "8.1.6")) {
                    feed.publish(feed.statusChanged(id, org.ws2.contracts.recommendation.RecommendationStatus.NOT_STARTED,
                            org.ws2.contracts.recommendation.RecommendationStatus.PLANNING, 1,
                            RecommendationEventFeed.now()));
                }
            }

            List<String> ids = List.of("8.1.1", "8.1.2", "8.1.3", "8.1.4", "8.1.5", "8.1.6");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> ids.stream().allMatch(id -> occurrences(id) >= 1));
            // Both replicas have had several runs meanwhile; one more round for any late duplicate to show.
            long runs = jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'daily-digest'")
                    .query(Long.class).single();
            assertThat(runs).isEqualTo(1);
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
            for (String id : ids) {
                assertThat(occurrences(id)).as("digests naming recommendation %s", id).isEqualTo(1);
            }
            assertThat(second.isRunning()).isTrue();
        }
    }

    private long occurrences(String recommendationId) {
        return smtp.received().stream()
                .filter(m -> TestMailServer.subjectOf(m).startsWith("[WS2] Daily digest"))
                .map(GreenMailUtil::getBody)
                .filter(body -> body.contains("Recommendation " + recommendationId + " ("))
                .count();
    }
}
