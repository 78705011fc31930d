package org.ws2.recommendations.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.service.events.EventJson;
import org.ws2.service.outbox.Outbox;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the real WS2 topics and recommendations shipped with the service, so that a fresh system
 * starts useful. It only adds what is missing: a restart, or a second replica starting at the same
 * moment, changes nothing, and corrections users have made are never overwritten. Each
 * recommendation it adds is announced like any other, so that every consumer learns of it.
 */
@Component
class CatalogueSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeed.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Outbox outbox;
    private final EventJson eventJson;

    CatalogueSeed(JdbcClient jdbc, JsonMapper json, Outbox outbox, EventJson eventJson) {
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
        this.eventJson = eventJson;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int topics = 0;
        for (SeedTopic topic : read("ws2/topics.json", new TypeReference<SeedTopics>() {
        }).topics()) {
            topics += jdbc.sql("""
                    INSERT INTO topic (prefix, name, notes) VALUES (:prefix, :name, :notes)
                    ON CONFLICT (prefix) DO NOTHING""")
                    .param("prefix", topic.prefix())
                    .param("name", topic.topic())
                    .param("notes", topic.notes())
                    .update();
        }
        int added = 0;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (SeedRecommendation recommendation : read("ws2/recommendations.json",
                new TypeReference<List<SeedRecommendation>>() {
                })) {
            if (insert(recommendation)) {
                announce(recommendation, now);
                added++;
            }
        }
        log.info("WS2 catalogue seed: {} topics and {} recommendations added", topics, added);
    }

    private boolean insert(SeedRecommendation r) {
        return jdbc.sql("""
                INSERT INTO recommendation (id, topic_prefix, title, summary, implementers, source, verification)
                VALUES (:id, :prefix, :title, :summary, CAST(:implementers AS jsonb), :source, :verification)
                ON CONFLICT (id) DO NOTHING""")
                .param("id", r.id())
                .param("prefix", topicPrefix(r.id()))
                .param("title", r.title())
                .param("summary", r.summary() == null ? "" : r.summary())
                .param("implementers", json.writeValueAsString(r.implementers() == null ? List.of() : r.implementers()))
                .param("source", r.source())
                .param("verification", r.verification())
                .update() == 1;
    }

    private void announce(SeedRecommendation r, Instant now) {
        String topicName = jdbc.sql("SELECT name FROM topic WHERE prefix = :prefix")
                .param("prefix", topicPrefix(r.id())).query(String.class).single();
        var payload = new RecommendationEvents.Registered(r.id(), topicName, r.title(),
                RecommendationStatus.NOT_STARTED, 0);
        outbox.append(Topics.RECOMMENDATIONS, CloudEvent.of(RecommendationEvents.SOURCE,
                RecommendationEvents.REGISTERED, r.id(), 0, now, eventJson.toData(payload)));
    }

    /** The topic is the id's first segment: 6.4.2 belongs to topic 6. */
    static String topicPrefix(String recommendationId) {
        int dot = recommendationId.indexOf('.');
        return dot < 0 ? recommendationId : recommendationId.substring(0, dot);
    }

    private <T> T read(String resource, TypeReference<T> type) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the WS2 seed data " + resource, e);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedTopics(List<SeedTopic> topics) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedTopic(String topic, String prefix, String notes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SeedRecommendation(String id, String topic, String title, String summary, List<String> implementers,
            String source, String verification) {
    }
}
