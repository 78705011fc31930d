package org.ws2.recommendations.recommendation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.contracts.recommendation.SharedOwner;
import org.ws2.recommendations.recommendation.Recommendation.CoordinationFlag;
import org.ws2.recommendations.recommendation.Recommendation.Retirement;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Recommendations as stored now, and as they were at any earlier version. */
@Repository
@RequiredArgsConstructor
public class RecommendationRepository {

    private static final String SELECT = """
            SELECT r.*, r.shared_with::text AS shared_with_json, r.implementers::text AS implementers_json,
                   r.tags::text AS tags_json, r.depends_on::text AS depends_on_json, t.name AS topic_name""";
    private static final String SELECT_ONE = SELECT + " FROM recommendation r JOIN topic t ON t.prefix = r.topic_prefix";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<SharedOwner>> SHARED_OWNERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Optional<Recommendation> find(String id) {
        return jdbc.sql(SELECT_ONE + " WHERE r.id = :id").param("id", id).query(this::map).optional();
    }

    /** Reads and locks the row, so that concurrent changes to one recommendation run one after another. */
    public Optional<Recommendation> findForUpdate(String id) {
        return jdbc.sql(SELECT_ONE + " WHERE r.id = :id FOR UPDATE OF r").param("id", id).query(this::map).optional();
    }

    /** The whole catalogue (the seed and tests use it; requests read pages with {@link #search}). */
    public List<Recommendation> findAll() {
        return jdbc.sql(SELECT_ONE).query(this::map).list();
    }

    /**
     * One page of a list request: its items, whether more follow, and how many match in all (null for a
     * page after a cursor, which is not counted again).
     */
    public record Slice(List<Recommendation> items, boolean more, Long total) {
    }

    /**
     * The SQL of a page and of its count, with their parameters: what {@link #search} runs, and what
     * {@code ListQueryPlansIT} explains.
     */
    record Statements(String page, String count, Map<String, Object> params) {
    }

    /**
     * A page is filtered, sorted and cut in PostgreSQL, reading one row more to tell whether another page
     * follows. After a cursor the page starts at its point in the order, through the order's index; with
     * {@code offset} it walks that index past the rows before it (kept for clients that ask by number).
     */
    static Statements statements(RecommendationSearch search, ListCursor after, long offset, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = search.where(params);
        String matching = after == null ? where : where + " AND " + search.after(after, params);
        String from = search.findsMatchesFirst()
                // OFFSET 0 keeps the planner from walking the order's index with the words or tag as a filter
                ? "(SELECT * FROM recommendation r WHERE " + matching + " OFFSET 0) r JOIN topic t ON t.prefix = r.topic_prefix"
                : "recommendation r JOIN topic t ON t.prefix = r.topic_prefix WHERE " + matching;
        params.put("limit", limit + 1);
        params.put("offset", offset);
        return new Statements(SELECT + " FROM " + from + " ORDER BY " + search.orderBy() + " LIMIT :limit OFFSET :offset",
                "SELECT count(*) FROM recommendation r WHERE " + where, params);
    }

    public Slice search(RecommendationSearch search, ListCursor after, long offset, int limit) {
        Statements statements = statements(search, after, offset, limit);
        List<Recommendation> rows = jdbc.sql(statements.page()).params(statements.params()).query(this::map).list();
        boolean more = rows.size() > limit;
        List<Recommendation> items = more ? rows.subList(0, limit) : rows;
        // a first page with nothing after it is the whole result; a cursor's page is not counted again
        Long total = after != null ? null
                : offset == 0 && !more ? Long.valueOf(items.size())
                : jdbc.sql(statements.count()).params(statements.params()).query(Long.class).single();
        return new Slice(items, more, total);
    }

    /** Every "depends on" edge: the ids and dependencies of only the recommendations that have some. */
    public Map<String, List<String>> dependencyEdges() {
        return jdbc.sql("SELECT id, depends_on::text AS depends_on_json FROM recommendation WHERE depends_on <> '[]'::jsonb")
                .query((rs, row) -> Map.entry(rs.getString("id"), json.readValue(rs.getString("depends_on_json"), STRINGS)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The current status of each recommendation named, in one query (a page's dependencies). */
    public Map<String, RecommendationStatus> statuses(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT id, status FROM recommendation WHERE id IN (:ids)").param("ids", List.copyOf(ids))
                .query((rs, row) -> Map.entry(rs.getString("id"), RecommendationStatus.valueOf(rs.getString("status"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public boolean exists(String id) {
        return jdbc.sql("SELECT count(*) FROM recommendation WHERE id = :id").param("id", id).query(Long.class)
                .single() > 0;
    }

    /** Adds a new recommendation; false if one with its id exists already. */
    public boolean insert(Recommendation r) {
        return jdbc.sql("""
                INSERT INTO recommendation (id, programme, topic_prefix, title, summary, ownership, shared_with, implementers,
                    target_quarter, tags, source, verification, status, coordination, coordination_rationale,
                    coordination_set_by, coordination_set_at, depends_on, evidence_count, version, created_at,
                    updated_at)
                VALUES (:id, :programme, :topicPrefix, :title, :summary, :ownership, CAST(:sharedWith AS jsonb),
                    CAST(:implementers AS jsonb), :targetQuarter, CAST(:tags AS jsonb), :source, :verification,
                    :status, :coordination, :coordinationRationale, :coordinationSetBy, :coordinationSetAt,
                    CAST(:dependsOn AS jsonb), :evidenceCount, :version, :createdAt, :updatedAt)
                ON CONFLICT (id) DO NOTHING""")
                .params(columns(r))
                .param("programme", r.programme())
                .param("topicPrefix", r.topicPrefix())
                .param("source", r.source())
                .param("verification", r.verification())
                .param("createdAt", Timestamp.from(r.createdAt()))
                .update() == 1;
    }

    /** Stores a changed recommendation read with {@link #findForUpdate}. */
    public void update(Recommendation r) {
        jdbc.sql("""
                UPDATE recommendation SET title = :title, summary = :summary, ownership = :ownership,
                    shared_with = CAST(:sharedWith AS jsonb), implementers = CAST(:implementers AS jsonb),
                    target_quarter = :targetQuarter, tags = CAST(:tags AS jsonb), status = :status,
                    coordination = :coordination, coordination_rationale = :coordinationRationale,
                    coordination_set_by = :coordinationSetBy, coordination_set_at = :coordinationSetAt,
                    depends_on = CAST(:dependsOn AS jsonb), evidence_count = :evidenceCount,
                    retired_at = :retiredAt, retired_reason = :retiredReason, retired_by = :retiredBy,
                    version = :version, updated_at = :updatedAt
                WHERE id = :id""")
                .params(columns(r))
                .param("retiredAt", r.retired() ? Timestamp.from(r.retirement().at()) : null)
                .param("retiredReason", r.retired() ? r.retirement().reason() : null)
                .param("retiredBy", r.retired() ? r.retirement().by() : null)
                .update();
    }

    private Map<String, Object> columns(Recommendation r) {
        RecommendationDetails d = r.details();
        CoordinationFlag flag = r.coordination();
        Map<String, Object> params = new HashMap<>();
        params.put("id", r.id());
        params.put("title", d.title());
        params.put("summary", d.summary());
        params.put("ownership", d.ownership().name());
        params.put("sharedWith", json.writeValueAsString(d.sharedWith()));
        params.put("implementers", json.writeValueAsString(d.implementers()));
        params.put("targetQuarter", d.targetQuarter());
        params.put("tags", json.writeValueAsString(d.tags()));
        params.put("status", r.status().name());
        params.put("coordination", flag.level().name());
        params.put("coordinationRationale", flag.rationale());
        params.put("coordinationSetBy", flag.setBy());
        params.put("coordinationSetAt", flag.setAt() == null ? null : Timestamp.from(flag.setAt()));
        params.put("dependsOn", json.writeValueAsString(r.dependsOn()));
        params.put("evidenceCount", r.evidenceCount());
        params.put("version", r.version());
        params.put("updatedAt", Timestamp.from(r.updatedAt()));
        return params;
    }

    private Recommendation map(ResultSet rs, int row) throws SQLException {
        Timestamp coordinationSetAt = rs.getTimestamp("coordination_set_at");
        Timestamp retiredAt = rs.getTimestamp("retired_at");
        return new Recommendation(
                rs.getString("id"),
                rs.getString("topic_prefix"),
                rs.getString("topic_name"),
                new RecommendationDetails(
                        rs.getString("title"),
                        rs.getString("summary"),
                        Ownership.valueOf(rs.getString("ownership")),
                        json.readValue(rs.getString("shared_with_json"), SHARED_OWNERS),
                        json.readValue(rs.getString("implementers_json"), STRINGS),
                        rs.getString("target_quarter"),
                        json.readValue(rs.getString("tags_json"), STRINGS)),
                rs.getString("source"),
                rs.getString("verification"),
                RecommendationStatus.valueOf(rs.getString("status")),
                new CoordinationFlag(CoordinationLevel.valueOf(rs.getString("coordination")),
                        rs.getString("coordination_rationale"), rs.getString("coordination_set_by"),
                        coordinationSetAt == null ? null : coordinationSetAt.toInstant()),
                json.readValue(rs.getString("depends_on_json"), STRINGS),
                rs.getInt("evidence_count"),
                retiredAt == null ? null
                        : new Retirement(rs.getString("retired_reason"), rs.getString("retired_by"),
                                retiredAt.toInstant()),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
