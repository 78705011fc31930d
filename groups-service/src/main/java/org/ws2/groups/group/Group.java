package org.ws2.groups.group;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.ws2.contracts.group.GroupEvents.Contact;
import org.ws2.service.changes.Versioned;
import org.ws2.service.security.Audience;
import org.ws2.contracts.group.GroupEvents.GroupSnapshot;
import org.ws2.contracts.group.GroupEvents.Member;
import org.ws2.contracts.group.GroupKind;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A group responsible for implementing WS2 recommendations, as the API shows it.
 *
 * @param parent   the id of the group above this one, or the umbrella it belongs to (e.g.
 *                 "ICANN org"); null at the top of the hierarchy
 * @param source   where the group's existence and place were taken from
 * @param contacts chair, liaison, support staff...
 * @param members  for a cross-community structure, the representatives of other groups
 * @param version  increases with every change; the value an update must name in {@code If-Match}
 */
public record Group(
        String id,
        String name,
        GroupKind kind,
        String parent,
        String source,
        @JsonInclude(JsonInclude.Include.NON_NULL) String note,
        List<Contact> contacts,
        List<Member> members,
        boolean retired,
        @JsonInclude(JsonInclude.Include.NON_NULL) String retiredReason,
        long version,
        @JsonIgnore Instant updatedAt) implements Versioned {

    public Group {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        members = members == null ? List.of() : List.copyOf(members);
    }

    /** By kind (Board, SOs, ACs... org functions), then by name. */
    static final Comparator<Group> DISPLAY_ORDER = Comparator.comparing(Group::kind)
            .thenComparing(Group::name, String.CASE_INSENSITIVE_ORDER);

    /**
     * The group as {@code audience} may see it: contacts' and members' e-mail addresses are for the group
     * and support only (docs/visibility.md); names and roles are published.
     */
    public Group visibleTo(Audience audience) {
        if (audience.isInsider()) {
            return this;
        }
        return new Group(id, name, kind, parent, source, note,
                contacts.stream().map(c -> new Contact(c.name(), null, c.role())).toList(),
                members.stream().map(m -> new Member(m.groupId(), m.name(), null, m.role())).toList(),
                retired, retiredReason, version, updatedAt);
    }

    GroupSnapshot snapshot() {
        return new GroupSnapshot(id, name, kind, parent, source, note, contacts, members, retired, retiredReason,
                version, updatedAt);
    }
}
