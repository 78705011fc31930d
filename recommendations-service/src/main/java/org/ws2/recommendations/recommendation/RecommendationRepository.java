package org.ws2.recommendations.recommendation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ws2.contracts.recommendation.RecommendationStatus;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
public class RecommendationRepository {

    private static final String SELECT = """
            SELECT r.id, r.topic_prefix, t.name AS topic_name, r.title, r.summary, r.implementers::text AS implementers,
                   r.source, r.verification, r.status, r.version, r.created_at, r.updated_at
            FROM recommendation r JOIN topic t ON t.prefix = r.topic_prefix
            """;

    /** Orders hierarchical ids numerically, so that 1.10 follows 1.9 and 8.1.17 follows 8.1.2. */
    private static final String ORDER = " ORDER BY string_to_array(r.id, '.')::int[]";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RecommendationRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Recommendation> find(String id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id").param("id", id).query(this::map).optional();
    }

    /** Reads and locks the row, so that concurrent changes to one recommendation run one after another. */
    Optional<Recommendation> findForUpdate(String id) {
        return jdbc.sql(SELECT + " WHERE r.id = :id FOR UPDATE OF r").param("id", id).query(this::map).optional();
    }

    List<Recommendation> findPage(RecommendationFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return jdbc.sql(SELECT + where + ORDER + " LIMIT :limit OFFSET :offset").params(params).query(this::map).list();
    }

    long count(RecommendationFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT count(*) FROM recommendation r JOIN topic t ON t.prefix = r.topic_prefix" + where)
                .params(params).query(Long.class).single();
    }

    void updateStatus(Recommendation changed) {
        jdbc.sql("UPDATE recommendation SET status = :status, version = :version, updated_at = :at WHERE id = :id")
                .param("status", changed.status().name())
                .param("version", changed.version())
                .param("at", Timestamp.from(changed.updatedAt()))
                .param("id", changed.id())
                .update();
    }

    void recordChange(Recommendation before, Recommendation after, String kind, String actor, String note) {
        jdbc.sql("""
                INSERT INTO recommendation_change
                    (recommendation_id, version, kind, actor, changed_at, note, before_state, after_state)
                VALUES (:id, :version, :kind, :actor, :at, :note, CAST(:before AS jsonb), CAST(:after AS jsonb))""")
                .param("id", after.id())
                .param("version", after.version())
                .param("kind", kind)
                .param("actor", actor)
                .param("at", Timestamp.from(after.updatedAt()))
                .param("note", note)
                .param("before", before == null ? null : json.writeValueAsString(RecommendationView.of(before)))
                .param("after", json.writeValueAsString(RecommendationView.of(after)))
                .update();
    }

    private static String where(RecommendationFilter filter, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (filter.topic() != null) {
            conditions.add("(r.topic_prefix = :topic OR lower(t.name) = lower(:topic))");
            params.put("topic", filter.topic());
        }
        if (filter.status() != null) {
            conditions.add("r.status = :status");
            params.put("status", filter.status().name());
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private Recommendation map(ResultSet rs, int row) throws SQLException {
        return new Recommendation(
                rs.getString("id"),
                rs.getString("topic_prefix"),
                rs.getString("topic_name"),
                rs.getString("title"),
                rs.getString("summary"),
                json.readValue(rs.getString("implementers"), new TypeReference<List<String>>() {
                }),
                rs.getString("source"),
                rs.getString("verification"),
                RecommendationStatus.valueOf(rs.getString("status")),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
