package org.ws2.recommendations.topic;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class TopicRepository {

    private final JdbcClient jdbc;

    TopicRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TopicSummary> findAllWithCounts() {
        return jdbc.sql("""
                SELECT t.prefix, t.name, t.notes,
                       count(r.id) FILTER (WHERE r.retired_at IS NULL) AS recommendations
                FROM topic t LEFT JOIN recommendation r ON r.topic_prefix = t.prefix
                GROUP BY t.prefix, t.name, t.notes ORDER BY t.prefix""")
                .query(TopicSummary.class).list();
    }

    public Optional<Topic> find(String prefix) {
        return jdbc.sql("SELECT prefix, name, notes FROM topic WHERE prefix = :prefix").param("prefix", prefix)
                .query(Topic.class).optional();
    }

    /** Adds a topic unless it exists; true if it was added. */
    public boolean insertIfMissing(Topic topic) {
        return jdbc.sql("INSERT INTO topic (prefix, name, notes) VALUES (:prefix, :name, :notes) "
                + "ON CONFLICT (prefix) DO NOTHING")
                .param("prefix", topic.prefix())
                .param("name", topic.name())
                .param("notes", topic.notes())
                .update() == 1;
    }

    public record TopicSummary(String prefix, String name, String notes, long recommendations) {
    }
}
