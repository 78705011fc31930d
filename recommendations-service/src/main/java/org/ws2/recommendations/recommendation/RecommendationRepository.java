package org.ws2.recommendations.recommendation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
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
            SELECT r.id, r.topic_prefix, r.title, r.summary, r.ownership, r.target_quarter, r.source, r.verification,
                   r.status, r.coordination, r.coordination_rationale, r.coordination_set_by, r.coordination_set_at,
                   r.evidence_count, r.retired_at, r.retired_reason, r.retired_by, r.version, r.created_at, r.updated_at,
                   r.shared_with::text AS shared_with_json, r.implementers::text AS implementers_json,
                   r.tags::text AS tags_json, r.depends_on::text AS depends_on_json, t.name AS topic_name""";
    private static final String SELECT_ONE = SELECT + " FROM recommendation r JOIN topic t ON t.prefix = r.topic_prefix";

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<SharedOwner>> SHARED_OWNERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final ListTotals totals;

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
     * The SQL of a page and of its count, with their parameters: what {@link #search} runs (the count through
     * {@link #count}, keyed by the filter's parameters alone), and what {@code ListQueryPlansIT} explains.
     */
    record Statements(String page, String count, Map<String, Object> params, List<String> pageSettings) {

        /** The statements that set {@link #pageSettings} for the rest of the transaction. */
        List<String> applySettings() {
            return pageSettings.stream().map(setting -> "SET LOCAL " + setting + " = " + SETTINGS.get(setting)).toList();
        }

        /** The statements that undo {@link #applySettings} for the rest of a caller's transaction. */
        List<String> undoSettings() {
            return pageSettings.stream().map(setting -> "SET LOCAL " + setting + " TO DEFAULT").toList();
        }
    }

    /**
     * A numbered page walks the order's index, never sorts the matches. At a deep offset PostgreSQL may
     * estimate reading the table and sorting what matches as cheaper than walking the index past the
     * offset, as it did for {@code status=NOT_STARTED&sort=title} page 150 (its cost model does not see
     * that a scan of the wide rows costs several times an index-only walk: 33 against 9 ms); with sorting
     * disabled it walks. The page's own 51 rows are still sorted (no plan can avoid that, so none is
     * preferred for it).
     */
    static final String WALK_THE_ORDER = "enable_sort";
    /**
     * Words or a tag that many rows hold are planned with their values: a statement the driver has
     * prepared would otherwise get a generic plan, which assumes a word is rare and finds and sorts every
     * match of a common one, where walking the order with it as a filter reads about a page.
     */
    static final String PLAN_WITH_THE_WORDS = "plan_cache_mode";
    private static final Map<String, String> SETTINGS = Map.of(WALK_THE_ORDER, "off", PLAN_WITH_THE_WORDS, "force_custom_plan");

    /**
     * How many matches of words or a tag are few enough to find them all through their own index and
     * sort them, whatever the planner estimates: each costs its recheck, its row and its place in the
     * sort, about 3 microseconds (4,228 matches: 12 ms), so a thousand cost about what one page costs.
     * With more, the statement is planned with the words or tag ({@link #PLAN_WITH_THE_WORDS}) and
     * PostgreSQL, which then knows how common they are, walks the order's index and filters (a first page
     * of a word in most rows reads about 100 rows: 0.2 ms), or finds them first if they are rarer than the
     * count says.
     */
    static final int FEW_MATCHES = 1_000;

    /**
     * A page is filtered, sorted and cut in PostgreSQL, reading one row more to tell whether another page
     * follows. After a cursor the page starts at its point in the order, through the order's index; with
     * {@code offset} it walks that index past the rows before it (kept for clients that ask by number).
     * Either way the walk yields only ids and sort keys, from an index-only scan (V8's covering indexes),
     * and only the page's rows are then read from the table (a deferred join): the rows an {@code OFFSET}
     * skips are neither fetched nor converted. {@code matchesFirst}: find the matches of the words or tag
     * through their own index and sort them, rather than walk the order (see {@link #FEW_MATCHES}).
     */
    static Statements statements(RecommendationSearch search, ListCursor after, long offset, int limit,
            boolean matchesFirst) {
        Map<String, Object> params = new HashMap<>();
        String where = search.where(params);
        String matching = after == null ? where : where + " AND " + search.after(after, params);
        String keys = matchesFirst
                // OFFSET 0 keeps the planner from walking the order's index with the words or tag as a filter
                ? "SELECT r.id, " + search.keyColumns() + " FROM (SELECT * FROM recommendation r WHERE " + matching
                        + " OFFSET 0) r"
                : "SELECT r.id, " + search.keyColumns() + " FROM recommendation r WHERE " + matching;
        params.put("limit", limit + 1);
        params.put("offset", offset);
        List<String> settings = new ArrayList<>();
        if (offset > 0 && !matchesFirst) {
            settings.add(WALK_THE_ORDER);
        }
        if (search.findsMatchesFirst() && !matchesFirst) {
            settings.add(PLAN_WITH_THE_WORDS);
        }
        return new Statements(SELECT + " FROM (" + keys + " ORDER BY " + search.orderBy() + " LIMIT :limit OFFSET :offset) p"
                + " JOIN recommendation r ON r.id = p.id JOIN topic t ON t.prefix = r.topic_prefix ORDER BY "
                + search.orderByKeyColumns("p"), countOf(where), params,
                List.copyOf(settings));
    }

    private static String countOf(String where) {
        return "SELECT count(*) FROM recommendation r WHERE " + where;
    }

    /** The statements as {@link #search} runs them for a search with {@code matches} (words or a tag). */
    static Statements statements(RecommendationSearch search, ListCursor after, long offset, int limit, long matches) {
        return statements(search, after, offset, limit, search.findsMatchesFirst() && matches <= FEW_MATCHES);
    }

    /**
     * How many items match, or, with {@code atMost}, {@code atMost} when at least that many do (which
     * stops a common word's count early); remembered while the catalogue does not change ({@link ListTotals}).
     */
    long count(RecommendationSearch search, Long atMost) {
        Map<String, Object> params = new HashMap<>();
        String where = search.where(params);
        if (atMost == null) {
            return totals.count(countOf(where), params);
        }
        params.put("atMost", atMost);
        return totals.count("SELECT count(*) FROM (SELECT 1 FROM recommendation r WHERE " + where + " LIMIT :atMost) m",
                params);
    }

    public Slice search(RecommendationSearch search, ListCursor after, long offset, int limit) {
        // words or a tag: how many match decides the plan; a first or numbered page counts them all (its
        // total), a cursor's page only whether they are more than a few
        Long matches = !search.findsMatchesFirst() ? null
                : count(search, after == null ? null : Long.valueOf(FEW_MATCHES + 1));
        Statements statements = statements(search, after, offset, limit, matches == null ? 0 : matches);
        List<Recommendation> rows = statements.pageSettings().isEmpty() ? page(statements) : transactions.execute(status -> {
            statements.applySettings().forEach(setting -> jdbc.sql(setting).update());
            List<Recommendation> page = page(statements);
            if (!status.isNewTransaction()) {
                statements.undoSettings().forEach(setting -> jdbc.sql(setting).update()); // the caller's transaction goes on as it was
            }
            return page;
        });
        boolean more = rows.size() > limit;
        List<Recommendation> items = more ? rows.subList(0, limit) : rows;
        // a first page with nothing after it is the whole result; a cursor's page is not counted again
        Long total = after != null ? null
                : matches != null ? matches
                : offset == 0 && !more ? Long.valueOf(items.size())
                : count(search, null);
        return new Slice(items, more, total);
    }

    private List<Recommendation> page(Statements statements) {
        return jdbc.sql(statements.page()).params(statements.params()).query(this::map).list();
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
