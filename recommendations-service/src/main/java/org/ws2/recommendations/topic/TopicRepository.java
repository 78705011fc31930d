package org.ws2.recommendations.topic;

import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
@RequiredArgsConstructor
public class TopicRepository {

    private final JdbcClient jdbc;

    /**
     * Every topic, or one programme's ({@code programme} not null): WS2's first, in their order, then each
     * other programme's by code and number.
     */
    public List<TopicSummary> findAllWithCounts(String programme) {
        return jdbc.sql("""
                SELECT t.prefix, t.name, t.notes, t.programme,
                       count(r.id) FILTER (WHERE r.retired_at IS NULL) AS recommendations
                FROM topic t LEFT JOIN recommendation r ON r.topic_prefix = t.prefix
                WHERE CAST(:programme AS text) IS NULL OR t.programme = :programme
                GROUP BY t.prefix, t.name, t.notes, t.programme
                ORDER BY t.programme <> 'WS2', t.programme, length(t.prefix), t.prefix""")
                .param("programme", programme)
                .query(TopicSummary.class).list();
    }

    public Optional<Topic> find(String prefix) {
        return jdbc.sql("SELECT prefix, name, notes, programme FROM topic WHERE prefix = :prefix").param("prefix", prefix)
                .query(Topic.class).optional();
    }

    /** Whether {@code programme} has a topic named {@code name} (names are unique within a programme, case aside). */
    public boolean nameTaken(String programme, String name) {
        return jdbc.sql("SELECT count(*) FROM topic WHERE programme = :programme AND lower(name) = lower(:name)")
                .param("programme", programme).param("name", name).query(Long.class).single() > 0;
    }

    /** Adds a topic unless it exists; true if it was added. */
    public boolean insertIfMissing(Topic topic) {
        return jdbc.sql("INSERT INTO topic (prefix, name, notes, programme) VALUES (:prefix, :name, :notes, :programme) "
                + "ON CONFLICT (prefix) DO NOTHING")
                .param("prefix", topic.prefix())
                .param("name", topic.name())
                .param("notes", topic.notes())
                .param("programme", topic.programme())
                .update() == 1;
    }

    public record TopicSummary(String prefix, String name, String notes, String programme, long recommendations) {
    }
}
