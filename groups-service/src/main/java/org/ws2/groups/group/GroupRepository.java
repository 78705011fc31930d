package org.ws2.groups.group;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ws2.contracts.group.GroupEvents.Contact;
import org.ws2.contracts.group.GroupEvents.Member;
import org.ws2.contracts.group.GroupKind;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
@RequiredArgsConstructor
public class GroupRepository {

    private static final String COLUMNS = """
            id, name, kind, parent, source, note, contacts::text AS contacts, members::text AS members, retired,
            retired_reason, version, updated_at""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    /** Groups matching the filters that are given (null means "any"), in {@link Group#DISPLAY_ORDER}. */
    List<Group> find(GroupKind kind, String parent, boolean includeRetired) {
        // The casts let PostgreSQL type a parameter that is bound as null.
        List<Group> groups = jdbc.sql("SELECT " + COLUMNS + """
                 FROM responsible_group
                WHERE (CAST(:kind AS TEXT) IS NULL OR kind = :kind)
                  AND (CAST(:parent AS TEXT) IS NULL OR parent = :parent)
                  AND (:includeRetired OR NOT retired)""")
                .param("kind", kind == null ? null : kind.name())
                .param("parent", parent)
                .param("includeRetired", includeRetired)
                .query(this::group)
                .list();
        // Sorted here rather than in SQL because the order is the enum's; there are tens of groups,
        // not thousands.
        return groups.stream().sorted(Group.DISPLAY_ORDER).toList();
    }

    public Optional<Group> findById(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM responsible_group WHERE id = :id")
                .param("id", id)
                .query(this::group)
                .optional();
    }

    Optional<Group> findForUpdate(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM responsible_group WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::group)
                .optional();
    }

    /** Active groups of these kinds, for bulk triage. */
    public List<Group> activeOfKinds(List<GroupKind> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM responsible_group WHERE kind IN (:kinds) AND NOT retired ORDER BY id")
                .param("kinds", kinds.stream().map(Enum::name).toList())
                .query(this::group)
                .list();
    }

    /**
     * The active groups a group may hand a recommendation down to, in {@link Group#DISPLAY_ORDER}: those whose
     * parent it is (ALAC's RALOs, the CSG's constituencies) and, for the body that manages an organization of its
     * own kind (the GNSO Council, an SO whose parent is the GNSO), that organization's other groups (the GNSO's
     * stakeholder groups), for the registry hangs those under the organization, not under its council.
     */
    public List<Group> activeChildren(Group group) {
        List<Group> children = new java.util.ArrayList<>(find(null, group.id(), false));
        if (group.parent() != null) {
            findById(group.parent()).filter(organization -> organization.kind() == group.kind())
                    .ifPresent(organization -> find(null, organization.id(), false).stream()
                            .filter(sibling -> !sibling.id().equals(group.id()))
                            .filter(sibling -> children.stream().noneMatch(c -> c.id().equals(sibling.id())))
                            .forEach(children::add));
        }
        return children.stream().sorted(Group.DISPLAY_ORDER).toList();
    }

    /** Whether some group names {@code value} as its parent: an umbrella such as "ICANN org". */
    boolean isUsedAsParent(String value) {
        return jdbc.sql("SELECT count(*) FROM responsible_group WHERE parent = :value").param("value", value)
                .query(Long.class).single() > 0;
    }

    /**
     * Adds the group unless one with its id exists; true if it was added. An existing group is
     * left as it is, so that edits made since it was first loaded survive a restart.
     */
    boolean insertIfAbsent(Group group) {
        return jdbc.sql("""
                INSERT INTO responsible_group (id, name, kind, parent, source, note, contacts, members, version,
                    created_at, updated_at)
                VALUES (:id, :name, :kind, :parent, :source, :note, CAST(:contacts AS JSONB), CAST(:members AS JSONB),
                    :version, :updatedAt, :updatedAt)
                ON CONFLICT (id) DO NOTHING""")
                .params(columns(group))
                .update() == 1;
    }

    void update(Group group) {
        jdbc.sql("""
                UPDATE responsible_group SET name = :name, kind = :kind, parent = :parent, source = :source,
                    note = :note, contacts = CAST(:contacts AS JSONB), members = CAST(:members AS JSONB),
                    retired = :retired, retired_reason = :retiredReason, version = :version, updated_at = :updatedAt
                WHERE id = :id""")
                .params(columns(group))
                .update();
    }

    /** Every column of a group, named as the statements above use them. */
    private Map<String, Object> columns(Group group) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("id", group.id());
        columns.put("name", group.name());
        columns.put("kind", group.kind().name());
        columns.put("parent", group.parent());
        columns.put("source", group.source());
        columns.put("note", group.note());
        columns.put("contacts", json.writeValueAsString(group.contacts()));
        columns.put("members", json.writeValueAsString(group.members()));
        columns.put("retired", group.retired());
        columns.put("retiredReason", group.retiredReason());
        columns.put("version", group.version());
        columns.put("updatedAt", Timestamp.from(group.updatedAt()));
        return columns;
    }

    private Group group(ResultSet rs, int row) throws SQLException {
        return new Group(rs.getString("id"), rs.getString("name"), GroupKind.valueOf(rs.getString("kind")),
                rs.getString("parent"), rs.getString("source"), rs.getString("note"),
                json.readValue(rs.getString("contacts"), new TypeReference<List<Contact>>() {
                }),
                json.readValue(rs.getString("members"), new TypeReference<List<Member>>() {
                }),
                rs.getBoolean("retired"), rs.getString("retired_reason"), rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
    }

}
