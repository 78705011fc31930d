package org.ws2.reporting.picture;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.assignment.AssignmentScope;
import org.ws2.contracts.assignment.Effort;
import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.assignment.Urgency;
import org.ws2.contracts.group.GroupKind;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.reporting.picture.Picture.Assignment;
import org.ws2.reporting.picture.Picture.Engagement;
import org.ws2.reporting.picture.Picture.Group;
import org.ws2.reporting.picture.Picture.Link;
import org.ws2.reporting.picture.Picture.Recommendation;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads a {@link Picture} from the version tables: per aggregate, the latest version effective by then. */
@Repository
@RequiredArgsConstructor
public class Pictures {

    /** A picture of 50,000 assignments is some 10 MB of heap: a few are kept, enough for "now" and a quarter. */
    private static final int CACHED_PICTURES = 4;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ReadModelGeneration generation;
    private final Map<CacheKey, Picture> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(CACHED_PICTURES, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<CacheKey, Picture> eldest) {
                    return size() > CACHED_PICTURES;
                }
            });

    /**
     * Two instants have the same picture when the read model has not changed in between (same generation) and
     * the same changes were effective by then (the latest effective instant at or before each is the same). So
     * every report "now", and every report of one quarter, reads the version tables once per change.
     */
    private record CacheKey(long generation, Instant latestEffective) {
    }

    /** One consistent read (a repeatable-read transaction), so the four families agree with each other. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public Picture at(Instant asOf) {
        OffsetDateTime at = OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC);
        // The first statement fixes the transaction's snapshot: the generation read is the one of the rows read.
        CacheKey key = new CacheKey(generation.current(), latestEffective(at));
        Picture cached = cache.get(key);
        if (cached != null) {
            return cached.asOf().equals(asOf) ? cached : cached.as(asOf);
        }
        // The generation only moves on, so an older one's pictures can never answer again; dropped before the new
        // one is read, they do not sit in a small heap beside it (four of them at 50,000 assignments did not fit).
        synchronized (cache) {
            cache.keySet().removeIf(cachedKey -> cachedKey.generation() < key.generation());
        }
        Picture picture = read(asOf, at);
        cache.put(key, picture);
        return picture;
    }

    private Instant latestEffective(OffsetDateTime at) {
        return jdbc.sql("""
                SELECT greatest((SELECT max(effective_at) FROM recommendation_version WHERE effective_at <= :at),
                                (SELECT max(effective_at) FROM group_version WHERE effective_at <= :at),
                                (SELECT max(effective_at) FROM assignment_version WHERE effective_at <= :at),
                                (SELECT max(effective_at) FROM engagement_version WHERE effective_at <= :at))""")
                .param("at", at)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional()
                .map(OffsetDateTime::toInstant).orElse(Instant.EPOCH);
    }

    private Picture read(Instant asOf, OffsetDateTime at) {
        // Every assignment row repeats its recommendation's id, title and topic and its group's id: read as they
        // come, 50,000 assignments hold 50,000 copies of each, most of a small heap; one copy of each is kept.
        Map<String, String> shared = new HashMap<>();
        UnaryOperator<String> one = value -> value == null ? null : shared.computeIfAbsent(value, v -> v);
        List<Recommendation> recommendations = jdbc.sql("""
                SELECT DISTINCT ON (id) * FROM recommendation_version WHERE effective_at <= :at
                ORDER BY id, effective_at DESC, version DESC""")
                .param("at", at).query((rs, n) -> rs.getBoolean("retired") ? null : recommendation(rs, one)).list()
                .stream().filter(r -> r != null).sorted(Comparator.comparing(Recommendation::id, Picture.BY_NUMBER))
                .toList();
        Set<String> retired = jdbc.sql("""
                SELECT id FROM (SELECT DISTINCT ON (id) id, retired FROM recommendation_version WHERE effective_at <= :at
                ORDER BY id, effective_at DESC, version DESC) latest WHERE retired""")
                .param("at", at).query(String.class).set();
        List<Group> groups = jdbc.sql("""
                SELECT * FROM (SELECT DISTINCT ON (id) * FROM group_version WHERE effective_at <= :at
                ORDER BY id, effective_at DESC, version DESC) latest WHERE NOT retired""")
                .param("at", at)
                .query((rs, n) -> new Group(rs.getString("id"), rs.getString("name"),
                        GroupKind.valueOf(rs.getString("kind")), rs.getString("parent")))
                .list().stream().sorted(Comparator.comparing(Group::kind).thenComparing(Group::name, String.CASE_INSENSITIVE_ORDER)).toList();
        List<Assignment> assignments = jdbc.sql("""
                SELECT DISTINCT ON (id) * FROM assignment_version WHERE effective_at <= :at
                ORDER BY id, effective_at DESC, version DESC""")
                .param("at", at).query((rs, n) -> assignment(rs, one)).list().stream()
                .filter(a -> !retired.contains(a.recommendationId()))
                .sorted(Comparator.comparing(Assignment::recommendationId, Picture.BY_NUMBER)
                        .thenComparing(Assignment::groupId, String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<Engagement> engagements = jdbc.sql("""
                SELECT * FROM (SELECT DISTINCT ON (id) * FROM engagement_version WHERE effective_at <= :at
                ORDER BY id, effective_at DESC, version DESC) latest WHERE NOT removed ORDER BY held_on, title""")
                .param("at", at).query((rs, n) -> engagement(rs)).list();
        return new Picture(asOf, recommendations, groups, assignments, engagements);
    }

    /** The generations of the pictures kept, oldest first. */
    List<Long> cachedGenerations() {
        synchronized (cache) {
            return cache.keySet().stream().map(CacheKey::generation).sorted().toList();
        }
    }

    /** One programme's part of the picture at {@code asOf} ({@link Picture#of}). */
    public Picture at(Instant asOf, String programme) {
        return at(asOf).of(programme);
    }

    /** When the earliest change the reports know of took effect; empty before any event arrived. */
    public Optional<Instant> firstChange() {
        return Optional.ofNullable(jdbc.sql("""
                SELECT least((SELECT min(effective_at) FROM recommendation_version),
                             (SELECT min(effective_at) FROM group_version),
                             (SELECT min(effective_at) FROM assignment_version),
                             (SELECT min(effective_at) FROM engagement_version))""")
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class)).optional().orElse(null))
                .map(OffsetDateTime::toInstant);
    }

    private static Recommendation recommendation(ResultSet rs, UnaryOperator<String> one) throws SQLException {
        String ownership = rs.getString("ownership");
        return new Recommendation(one.apply(rs.getString("id")), one.apply(rs.getString("topic_prefix")),
                one.apply(rs.getString("topic")), one.apply(rs.getString("title")), ownership == null ? Ownership.ORG : Ownership.valueOf(ownership),
                rs.getString("target_quarter"), RecommendationStatus.valueOf(rs.getString("status")),
                CoordinationLevel.valueOf(rs.getString("coordination")), rs.getString("coordination_rationale"),
                strings(rs.getArray("depends_on")), one.apply(rs.getString("programme")));
    }

    private static Assignment assignment(ResultSet rs, UnaryOperator<String> one) throws SQLException {
        return new Assignment(one.apply(rs.getString("group_id")), one.apply(rs.getString("recommendation_id")),
                one.apply(rs.getString("recommendation_title")), one.apply(rs.getString("topic")),
                TriageState.valueOf(rs.getString("triage")), value(Priority.class, rs.getString("priority")),
                value(Effort.class, rs.getString("effort")), value(Urgency.class, rs.getString("urgency")),
                rs.getBoolean("priority_draft"), rs.getString("not_applicable_reason"),
                Progress.valueOf(rs.getString("progress")), AssignmentScope.valueOf(rs.getString("scope")),
                strings(rs.getArray("delegated_to")));
    }

    private Engagement engagement(ResultSet rs) throws SQLException {
        List<Link> links = json.readValue(rs.getString("links"), new TypeReference<List<Link>>() {
        });
        return new Engagement(rs.getString("id"), rs.getString("kind"), rs.getString("title"),
                rs.getObject("held_on", LocalDate.class), rs.getString("description"), links,
                strings(rs.getArray("recommendation_ids")), rs.getString("meeting"), strings(rs.getArray("group_ids")));
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((String[]) array.getArray()).collect(Collectors.toUnmodifiableList());
    }
}
