package org.ws2.recommendations.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.core.annotation.Order;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.recommendations.recommendation.Recommendation;
import org.ws2.recommendations.recommendation.Recommendation.CoordinationFlag;
import org.ws2.recommendations.recommendation.RecommendationChanges;
import org.ws2.recommendations.recommendation.RecommendationDetails;
import org.ws2.recommendations.topic.Topic;
import org.ws2.recommendations.topic.TopicRepository;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.service.seeding.SeedLock;

/**
 * Loads the real WS2 topics and recommendations shipped with the service, with the facts the Q2
 * 2021 update adds (ownership, coordination flags, the 1.1 dependency), so that a fresh system
 * starts useful. It only adds what is missing: a restart, or a second replica starting at the same
 * moment (it waits for the first's commit: {@link SeedLock}), changes nothing, and corrections users
 * have made are never overwritten. Each recommendation it adds is registered like one a user
 * creates: with a history entry and an event.
 * <p>
 * The list is {@code ws2/recommendations.json}, a copy of the shared WS2 reference data kept in the
 * jar so that the service needs nothing outside it ({@code ws2.catalogue.recommendations} names
 * another list, e.g. in a test simulating an install seeded from an older one).
 */
@Component
@Order(0) // before the engagement seed, whose items may name recommendations
class CatalogueSeed implements ApplicationRunner {

    static final String ACTOR = "ws2-seed";

    /**
     * The catalogue's recommendations take effect when the ICANN Board adopted the WS2 final report,
     * so that past facts (a 2021 transition, say) can be entered after them in order.
     */
    static final Instant WS2_ADOPTED = Instant.parse("2019-11-07T00:00:00Z");

    /** The coordination flags are the Q2 2021 update's: they take effect on its date. */
    static final Instant Q2_2021_UPDATE = Instant.parse("2021-06-28T00:00:00Z");

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeed.class);

    private final TopicRepository topics;
    private final RecommendationChanges changes;
    private final JsonMapper json;
    private final Resource recommendations;
    private final JdbcClient jdbc;

    CatalogueSeed(TopicRepository topics, RecommendationChanges changes, JsonMapper json,
            @Value("${ws2.catalogue.recommendations:classpath:ws2/recommendations.json}") Resource recommendations,
            JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.topics = topics;
        this.changes = changes;
        this.json = json;
        this.recommendations = recommendations;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        seed(recommendations);
    }

    /**
     * Adds the topics and the recommendations of {@code recommendationList} that are not there yet.
     * An install seeded from an older, shorter list gets the new records on its next start.
     */
    @Transactional
    public void seed(Resource recommendationList) {
        SeedLock.holdUntilCommit(jdbc, "catalogue");
        int addedTopics = 0;
        Map<String, String> topicNames = new HashMap<>();
        for (SeedTopic topic : read(new ClassPathResource("ws2/topics.json"), new TypeReference<SeedTopics>() {
        }).topics()) {
            addedTopics += topics.insertIfMissing(Topic.ws2(topic.prefix(), topic.topic(), topic.notes())) ? 1 : 0;
            topicNames.put(topic.prefix(), topics.find(topic.prefix()).orElseThrow().name());
        }
        Facts facts = read(new ClassPathResource("ws2/catalogue-facts.json"), new TypeReference<Facts>() {
        });
        int added = 0;
        for (SeedRecommendation seed : read(recommendationList,
                new TypeReference<List<SeedRecommendation>>() {
                })) {
            String prefix = topicPrefix(seed.id());
            Recommendation recommendation = new Recommendation(seed.id(), prefix, topicNames.get(prefix),
                    new RecommendationDetails(seed.title(), seed.summary(), facts.ownership(seed.id()), List.of(),
                            seed.implementers(), null, List.of()),
                    seed.source(), seed.verification(), RecommendationStatus.NOT_STARTED, CoordinationFlag.NONE,
                    facts.dependsOn(seed.id()), 0, null, 0, WS2_ADOPTED, WS2_ADOPTED);
            if (changes.register(recommendation, ACTOR, "Loaded from the WS2 reference data")) {
                added++;
                facts.coordination(seed.id()).ifPresent(flag -> flag(recommendation.id(), flag));
            }
        }
        log.info("WS2 catalogue seed from {}: {} topics and {} recommendations added", recommendationList, addedTopics,
                added);
    }

    /** Flags a newly registered recommendation as the Q2 2021 update did, as a change of its own. */
    private void flag(String id, SeedFlag seedFlag) {
        Recommendation current = changes.lock(id, null);
        Recommendation flagged = current.withCoordination(
                new CoordinationFlag(seedFlag.level(), seedFlag.rationale(), ACTOR, Q2_2021_UPDATE), Q2_2021_UPDATE);
        changes.commit(flagged, ACTOR, seedFlag.rationale(), new RecommendationEvents.CoordinationFlagSet(id,
                flagged.version(), ACTOR, Q2_2021_UPDATE, CoordinationLevel.NONE, seedFlag.level(),
                seedFlag.rationale(), flagged.snapshot()));
    }

    /** The topic is the id's first segment: 6.4.2 belongs to topic 6. */
    static String topicPrefix(String recommendationId) {
        int dot = recommendationId.indexOf('.');
        return dot < 0 ? recommendationId : recommendationId.substring(0, dot);
    }

    private <T> T read(Resource resource, TypeReference<T> type) {
        try (InputStream in = resource.getInputStream()) {
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

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Facts(Map<String, Ownership> ownershipByTopic, Map<String, Ownership> ownershipById,
            Ownership defaultOwnership, List<SeedFlag> coordination, List<SeedDependency> dependencies) {

        Ownership ownership(String id) {
            return ownershipById.getOrDefault(id, ownershipByTopic.getOrDefault(topicPrefix(id), defaultOwnership));
        }

        java.util.Optional<SeedFlag> coordination(String id) {
            return coordination.stream().filter(flag -> flag.id().equals(id)).findFirst();
        }

        List<String> dependsOn(String id) {
            return dependencies.stream().filter(d -> d.id().equals(id)).flatMap(d -> d.dependsOn().stream())
                    .collect(Collectors.toList());
        }
    }

    record SeedFlag(String id, CoordinationLevel level, String rationale) {
    }

    record SeedDependency(String id, List<String> dependsOn) {
    }
}
