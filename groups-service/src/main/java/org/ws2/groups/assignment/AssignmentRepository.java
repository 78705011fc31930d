package org.ws2.groups.assignment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ws2.contracts.assignment.AssignmentEvents.Comment;
import org.ws2.contracts.assignment.AssignmentScope;
import org.ws2.contracts.assignment.Effort;
import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.assignment.Urgency;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
@RequiredArgsConstructor
public class AssignmentRepository {

    private static final String SELECT = """
            SELECT a.*, r.title AS recommendation_title, r.topic, r.status AS recommendation_status
            FROM assignment a JOIN known_recommendation r ON r.id = a.recommendation_id""";

    /**
     * Recommendation ids in their natural order (6.2 before 6.10), whatever else they hold. Migration V4
     * indexes exactly these expressions, so that a page reads its rows in order instead of sorting the
     * table: change both together.
     */
    private static final String ORDER = " " + """
            ORDER BY CASE WHEN a.recommendation_id ~ '^[0-9]+(\\.[0-9]+)*$'
                THEN string_to_array(a.recommendation_id, '.')::int[] END, a.recommendation_id, a.group_id""";

    private static final TypeReference<List<String>> GROUP_IDS = new TypeReference<>() {
    };
    /** Reads and writes {@code delegated_to}, a JSON array of group ids: nothing in it needs the app's settings. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    /** Adds the assignment unless the group already has this recommendation; true if it was added. */
    boolean insertIfAbsent(String groupId, String recommendationId, String applicabilityNote, String actor,
            Instant at) {
        return jdbc.sql("""
                INSERT INTO assignment (group_id, recommendation_id, applicability_note, triage, progress, version,
                    created_by, created_at, updated_by, updated_at)
                VALUES (:groupId, :recommendationId, :note, 'TRIAGED', 'NOT_STARTED', 0, :actor, :at, :actor, :at)
                ON CONFLICT (group_id, recommendation_id) DO NOTHING""")
                .param("groupId", groupId)
                .param("recommendationId", recommendationId)
                .param("note", applicabilityNote)
                .param("actor", actor)
                .param("at", Timestamp.from(at))
                .update() == 1;
    }

    Optional<Assignment> find(String groupId, String recommendationId) {
        return one(groupId, recommendationId, "");
    }

    /** Locked until the transaction ends, so that two changes to one assignment never interleave. */
    Optional<Assignment> findForUpdate(String groupId, String recommendationId) {
        return one(groupId, recommendationId, " FOR UPDATE OF a");
    }

    private Optional<Assignment> one(String groupId, String recommendationId, String lock) {
        return jdbc.sql(SELECT + " WHERE a.group_id = :groupId AND a.recommendation_id = :recommendationId" + lock)
                .param("groupId", groupId)
                .param("recommendationId", recommendationId)
                .query((rs, row) -> assignment(rs, comments(groupId, recommendationId)))
                .optional();
    }

    /** A group's assignments, locked, that match the triage state and draft flag given (null = any). */
    List<Assignment> forGroupForUpdate(String groupId, TriageState triage, Boolean draft) {
        return withComments(jdbc.sql(SELECT + """
                 WHERE a.group_id = :groupId
                  AND (CAST(:triage AS TEXT) IS NULL OR a.triage = :triage)
                  AND (CAST(:draft AS BOOLEAN) IS NULL OR (a.priority IS NOT NULL AND a.priority_draft = :draft))
                """ + ORDER + " FOR UPDATE OF a")
                .param("groupId", groupId)
                .param("triage", triage == null ? null : triage.name())
                .param("draft", draft)
                .query((rs, row) -> assignment(rs, null))
                .list());
    }

    /** The assignments of a group whose recommendation is still in the catalogue, in recommendation order. */
    public List<Assignment> activeForGroup(String groupId) {
        return withComments(jdbc.sql(SELECT + " WHERE a.group_id = :groupId AND NOT r.retired" + ORDER)
                .param("groupId", groupId)
                .query((rs, row) -> assignment(rs, null))
                .list());
    }

    AssignmentPage search(AssignmentFilter filter, int page, int size) {
        String where = " " + """
                WHERE (CAST(:groupId AS TEXT) IS NULL OR a.group_id = :groupId)
                  AND (CAST(:recommendationId AS TEXT) IS NULL OR a.recommendation_id = :recommendationId)
                  AND (CAST(:triage AS TEXT) IS NULL OR a.triage = :triage)
                  AND (CAST(:priority AS TEXT) IS NULL OR (a.priority = :priority
                       AND (NOT a.priority_draft OR :allDrafts OR a.group_id IN (:draftGroups))))
                  AND (CAST(:progress AS TEXT) IS NULL OR a.progress = :progress)""";
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("groupId", filter.groupId());
        params.put("recommendationId", filter.recommendationId());
        params.put("triage", filter.triage() == null ? null : filter.triage().name());
        params.put("priority", filter.priority() == null ? null : filter.priority().name());
        params.put("progress", filter.progress() == null ? null : filter.progress().name());
        params.put("allDrafts", filter.draftsVisibleIn() == null);
        // IN () is not SQL: an id no group has stands for "none"
        params.put("draftGroups", filter.draftsVisibleIn() == null || filter.draftsVisibleIn().isEmpty()
                ? List.of("") : filter.draftsVisibleIn());
        long total = jdbc.sql("SELECT count(*) FROM assignment a" + where).params(params).query(Long.class).single();
        List<Assignment> items = withComments(jdbc.sql(SELECT + where + ORDER + " LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> assignment(rs, null))
                .list());
        return new AssignmentPage(items, page, size, total);
    }

    void update(Assignment a) {
        jdbc.sql("""
                UPDATE assignment SET applicability_note = :applicabilityNote, triage = :triage, priority = :priority,
                    effort = :effort, urgency = :urgency, priority_draft = :draft,
                    not_applicable_reason = :notApplicableReason, progress = :progress, progress_note = :progressNote,
                    evidence_url = :evidenceUrl, version = :version, updated_by = :updatedBy, updated_at = :updatedAt,
                    scope = :scope, delegated_to = CAST(:delegatedTo AS JSONB)
                WHERE group_id = :groupId AND recommendation_id = :recommendationId""")
                .param("applicabilityNote", a.applicabilityNote())
                .param("triage", a.triage().name())
                .param("priority", name(a.priority()))
                .param("effort", name(a.effort()))
                .param("urgency", name(a.urgency()))
                .param("draft", a.priorityDraft())
                .param("notApplicableReason", a.notApplicableReason())
                .param("progress", a.progress().name())
                .param("progressNote", a.progressNote())
                .param("evidenceUrl", a.evidenceUrl())
                .param("version", a.version())
                .param("updatedBy", a.updatedBy())
                .param("updatedAt", Timestamp.from(a.updatedAt()))
                .param("scope", a.scope().name())
                .param("delegatedTo", JSON.writeValueAsString(a.delegatedTo()))
                .param("groupId", a.groupId())
                .param("recommendationId", a.recommendationId())
                .update();
    }

    void addComment(String groupId, String recommendationId, Comment comment) {
        jdbc.sql("""
                INSERT INTO assignment_comment (id, group_id, recommendation_id, author, text, reply_to, created_at)
                VALUES (:id, :groupId, :recommendationId, :author, :text, :replyTo, :at)""")
                .param("id", UUID.fromString(comment.id()))
                .param("groupId", groupId)
                .param("recommendationId", recommendationId)
                .param("author", comment.author())
                .param("text", comment.text())
                .param("replyTo", comment.replyTo() == null ? null : UUID.fromString(comment.replyTo()))
                .param("at", Timestamp.from(comment.at()))
                .update();
    }

    /** The comment threads of a whole list in one query, not one per assignment. */
    private List<Assignment> withComments(List<Assignment> assignments) {
        if (assignments.isEmpty()) {
            return assignments;
        }
        Map<List<String>, List<Comment>> threads = new HashMap<>();
        jdbc.sql("""
                SELECT group_id, recommendation_id, id, author, created_at, text, reply_to FROM assignment_comment
                WHERE (group_id, recommendation_id) IN (:keys) ORDER BY created_at, id""")
                .param("keys", assignments.stream().map(a -> new Object[] { a.groupId(), a.recommendationId() })
                        .toList())
                .query(rs -> {
                    threads.computeIfAbsent(List.of(rs.getString("group_id"), rs.getString("recommendation_id")),
                            key -> new ArrayList<>()).add(comment(rs));
                });
        return assignments.stream().map(a -> withComments(a,
                threads.getOrDefault(List.of(a.groupId(), a.recommendationId()), List.of()))).toList();
    }

    private static Assignment withComments(Assignment a, List<Comment> comments) {
        return new Assignment(a.groupId(), a.recommendationId(), a.recommendationTitle(), a.topic(),
                a.recommendationStatus(), a.applicabilityNote(), a.triage(), a.priority(), a.effort(), a.urgency(),
                a.priorityDraft(), a.notApplicableReason(), a.progress(), a.progressNote(), a.evidenceUrl(),
                comments, a.version(), a.createdBy(), a.createdAt(), a.updatedBy(), a.updatedAt(), a.scope(),
                a.delegatedTo());
    }

    private List<Comment> comments(String groupId, String recommendationId) {
        return jdbc.sql("""
                SELECT id, author, created_at, text, reply_to FROM assignment_comment
                WHERE group_id = :groupId AND recommendation_id = :recommendationId ORDER BY created_at, id""")
                .param("groupId", groupId)
                .param("recommendationId", recommendationId)
                .query((rs, row) -> comment(rs))
                .list();
    }

    private static Comment comment(ResultSet rs) throws SQLException {
        return new Comment(rs.getString("id"), rs.getString("author"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("text"), rs.getString("reply_to"));
    }

    private static Assignment assignment(ResultSet rs, List<Comment> comments) throws SQLException {
        return new Assignment(rs.getString("group_id"), rs.getString("recommendation_id"),
                rs.getString("recommendation_title"), rs.getString("topic"), rs.getString("recommendation_status"),
                rs.getString("applicability_note"), TriageState.valueOf(rs.getString("triage")),
                valueOf(Priority.class, rs.getString("priority")), valueOf(Effort.class, rs.getString("effort")),
                valueOf(Urgency.class, rs.getString("urgency")), rs.getBoolean("priority_draft"),
                rs.getString("not_applicable_reason"), Progress.valueOf(rs.getString("progress")),
                rs.getString("progress_note"), rs.getString("evidence_url"), comments, rs.getLong("version"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant(), AssignmentScope.valueOf(rs.getString("scope")),
                JSON.readValue(rs.getString("delegated_to"), GROUP_IDS));
    }

    private static <E extends Enum<E>> E valueOf(Class<E> type, String value) {
        return value == null ? null : Enum.valueOf(type, value);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
