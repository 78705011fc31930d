package org.ws2.groups.recommendation;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.recommendation.RecommendationEvent;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.service.events.AppliesEvents;

/**
 * This service's copy of the recommendation catalogue, kept in step with {@code ws2.recommendations.v1}. Every
 * recommendation event carries the whole recommendation, so whatever the type, the copy is replaced.
 */
@Repository
@RequiredArgsConstructor
public class KnownRecommendations {

    private static final String COLUMNS = "id, topic_prefix, topic, title, status, coordination, retired, version";

    private final JdbcClient jdbc;

    @AppliesEvents("groups.known-recommendations")
    void apply(RecommendationEvent event, CloudEvent envelope) {
        upsertIfNewer(event.recommendation(), event.aggregateVersion());
    }

    /**
     * Stores the snapshot if it is newer than the copy held (or there is none); false if it is not.
     * One statement, so two deliveries racing on different replicas cannot interleave.
     */
    boolean upsertIfNewer(RecommendationSnapshot r, long version) {
        return jdbc.sql("""
                INSERT INTO known_recommendation (id, topic_prefix, topic, title, status, coordination, retired,
                    version, updated_at)
                VALUES (:id, :topicPrefix, :topic, :title, :status, :coordination, :retired, :version, :updatedAt)
                ON CONFLICT (id) DO UPDATE SET topic_prefix = EXCLUDED.topic_prefix, topic = EXCLUDED.topic,
                    title = EXCLUDED.title, status = EXCLUDED.status, coordination = EXCLUDED.coordination,
                    retired = EXCLUDED.retired, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
                WHERE known_recommendation.version < EXCLUDED.version""")
                .param("id", r.id())
                .param("topicPrefix", r.topicPrefix())
                .param("topic", r.topic())
                .param("title", r.title())
                .param("status", r.status() == null ? "NOT_STARTED" : r.status().name())
                .param("coordination", r.coordination() == null ? null : r.coordination().name())
                .param("retired", r.retired())
                .param("version", version)
                .param("updatedAt", r.updatedAt() == null ? null : Timestamp.from(r.updatedAt()))
                .update() == 1;
    }

    public Optional<KnownRecommendation> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM known_recommendation WHERE id = :id")
                .param("id", id).query(KnownRecommendation.class).optional();
    }

    /**
     * Recommendations that are not retired, whose id is the prefix or starts with it followed by a
     * dot ("6" selects 6.1, 6.1.2...; "6.1" selects 6.1 and 6.1.x), or whose topic is named.
     */
    public List<KnownRecommendation> active(String idPrefix, String topic) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM known_recommendation
                WHERE NOT retired
                  AND (CAST(:prefix AS TEXT) IS NULL OR id = :prefix OR id LIKE :prefix || '.%')
                  AND (CAST(:topic AS TEXT) IS NULL OR lower(topic) = lower(:topic) OR topic_prefix = :topic)
                ORDER BY id""")
                .param("prefix", idPrefix)
                .param("topic", topic)
                .query(KnownRecommendation.class).list();
    }
}
