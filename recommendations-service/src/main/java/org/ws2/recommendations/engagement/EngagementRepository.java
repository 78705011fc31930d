package org.ws2.recommendations.engagement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ws2.contracts.engagement.EngagementEvents.Kind;
import org.ws2.contracts.engagement.EngagementEvents.Link;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Engagement items and the recommendations they concern, in tables of their own. */
@Repository
@RequiredArgsConstructor
class EngagementRepository {

    private static final String SELECT = """
            SELECT e.*, e.links::text AS links_json,
                   COALESCE((SELECT json_agg(er.recommendation_id ORDER BY er.position)::text
                             FROM engagement_recommendation er WHERE er.engagement_id = e.id), '[]')
                       AS recommendation_ids_json
            FROM engagement e
            """;

    private static final TypeReference<List<Link>> LINKS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    /** The item, removed or not. */
    Optional<Engagement> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE e.id = :id").param("id", id).query(this::map).optional();
    }

    /** Reads and locks the row, so that concurrent changes to one item run one after another. */
    Optional<Engagement> findForUpdate(UUID id) {
        return jdbc.sql(SELECT + " WHERE e.id = :id FOR UPDATE OF e").param("id", id).query(this::map).optional();
    }

    /** One page of the items not removed that pass the filter, newest first. */
    List<Engagement> list(EngagementFilter filter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        return jdbc.sql(SELECT + where + " ORDER BY e.held_on DESC, e.created_at DESC, e.id LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(this::map).list();
    }

    long count(EngagementFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        return jdbc.sql("SELECT count(*) FROM engagement e" + where).params(params).query(Long.class).single();
    }

    /** Which of {@code recommendationIds} name no recommendation of this service, in the order given. */
    List<String> unknownRecommendations(Collection<String> recommendationIds) {
        if (recommendationIds.isEmpty()) {
            return List.of();
        }
        Set<String> known = Set.copyOf(jdbc.sql("SELECT id FROM recommendation WHERE id IN (:ids)")
                .param("ids", List.copyOf(recommendationIds)).query(String.class).list());
        Set<String> unknown = new LinkedHashSet<>(recommendationIds);
        unknown.removeAll(known);
        return List.copyOf(unknown);
    }

    /** Adds a new item; false, and nothing written, if one with its id exists already (removed or not). */
    boolean insert(Engagement e) {
        boolean inserted = jdbc.sql("""
                INSERT INTO engagement (id, kind, title, held_on, description, links, meeting, group_ids, version,
                    created_by, created_at, updated_by, updated_at)
                VALUES (:id, :kind, :title, :heldOn, :description, CAST(:links AS jsonb), :meeting, :groupIds, :version,
                    :createdBy, :createdAt, :updatedBy, :updatedAt)
                ON CONFLICT (id) DO NOTHING""")
                .params(columns(e))
                .param("createdBy", e.createdBy())
                .param("createdAt", Timestamp.from(e.createdAt()))
                .update() == 1;
        if (inserted) {
            writeRecommendations(e);
        }
        return inserted;
    }

    /** Stores a changed item read with {@link #findForUpdate}. */
    void update(Engagement e, boolean recommendationsChanged) {
        jdbc.sql("""
                UPDATE engagement SET kind = :kind, title = :title, held_on = :heldOn, description = :description,
                    links = CAST(:links AS jsonb), meeting = :meeting, group_ids = :groupIds, version = :version,
                    updated_by = :updatedBy, updated_at = :updatedAt, removed_by = :removedBy, removed_at = :removedAt
                WHERE id = :id""")
                .params(columns(e))
                .param("removedBy", e.removedBy())
                .param("removedAt", e.removedAt() == null ? null : Timestamp.from(e.removedAt()))
                .update();
        if (recommendationsChanged) {
            jdbc.sql("DELETE FROM engagement_recommendation WHERE engagement_id = :id").param("id", e.id()).update();
            writeRecommendations(e);
        }
    }

    private void writeRecommendations(Engagement e) {
        List<String> ids = e.content().recommendationIds();
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("""
                    INSERT INTO engagement_recommendation (engagement_id, recommendation_id, position)
                    VALUES (:id, :recommendationId, :position)""")
                    .param("id", e.id())
                    .param("recommendationId", ids.get(i))
                    .param("position", i)
                    .update();
        }
    }

    private static String where(EngagementFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" WHERE e.removed_at IS NULL");
        and(where, params, "recommendationId", filter.recommendationId(), "EXISTS (SELECT 1 FROM "
                + "engagement_recommendation er WHERE er.engagement_id = e.id AND er.recommendation_id = :recommendationId)");
        and(where, params, "kind", filter.kind() == null ? null : filter.kind().name(), "e.kind = :kind");
        and(where, params, "meeting", filter.meeting(), "e.meeting = :meeting");
        and(where, params, "groupId", filter.groupId(), "e.group_ids @> ARRAY[CAST(:groupId AS text)]");
        and(where, params, "from", filter.from(), "e.held_on >= :from");
        and(where, params, "to", filter.to(), "e.held_on <= :to");
        return where.toString();
    }

    /**
     * A filter the caller set (a non-null {@code value}) adds its condition and parameter; one it left out adds
     * nothing, so that each query names only the columns it filters on and can use their indexes.
     */
    private static void and(StringBuilder where, Map<String, Object> params, String param, Object value,
            String condition) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.put(param, value);
        }
    }

    private Map<String, Object> columns(Engagement e) {
        EngagementContent c = e.content();
        Map<String, Object> params = new HashMap<>();
        params.put("id", e.id());
        params.put("kind", c.kind().name());
        params.put("title", c.title());
        params.put("heldOn", c.heldOn());
        params.put("description", c.description());
        params.put("links", json.writeValueAsString(c.links()));
        params.put("meeting", c.meeting());
        params.put("groupIds", c.groupIds().toArray(String[]::new));
        params.put("version", e.version());
        params.put("updatedBy", e.updatedBy());
        params.put("updatedAt", Timestamp.from(e.updatedAt()));
        return params;
    }

    private Engagement map(ResultSet rs, int row) throws SQLException {
        Timestamp removedAt = rs.getTimestamp("removed_at");
        return new Engagement(
                rs.getObject("id", UUID.class),
                new EngagementContent(
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("title"),
                        rs.getObject("held_on", LocalDate.class),
                        rs.getString("description"),
                        json.readValue(rs.getString("links_json"), LINKS),
                        json.readValue(rs.getString("recommendation_ids_json"), STRINGS),
                        rs.getString("meeting"),
                        List.of((String[]) rs.getArray("group_ids").getArray())),
                rs.getLong("version"),
                rs.getString("created_by"),
                instant(rs.getTimestamp("created_at")),
                rs.getString("updated_by"),
                instant(rs.getTimestamp("updated_at")),
                rs.getString("removed_by"),
                removedAt == null ? null : instant(removedAt));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }
}
