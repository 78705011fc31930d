package org.ws2.notifications.group;

import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.group.GroupEvent;
import org.ws2.contracts.group.GroupEvents.Contact;
import org.ws2.contracts.group.GroupEvents.ContactRole;
import org.ws2.contracts.group.GroupEvents.GroupSnapshot;
import org.ws2.contracts.group.GroupKind;
import org.ws2.service.events.AppliesEvents;

/**
 * Each group's name and contacts, as the latest group event described them; contacts get email about their
 * group's work. Group events are not told to subscribers or webhooks: they carry contacts' email addresses.
 */
@Repository
@RequiredArgsConstructor
public class GroupDirectory {

    private final JdbcClient jdbc;

    /** The consumer name the event listeners share; renaming it would make a replayed topic apply again. */
    @AppliesEvents(value = "notifications", internal = true)
    void save(GroupEvent event, CloudEvent envelope) {
        save(event.group());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void save(GroupSnapshot group) {
        jdbc.sql("""
                INSERT INTO known_group (group_id, name, kind, retired) VALUES (:id, :name, :kind, :retired)
                ON CONFLICT (group_id) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
                                                     retired = EXCLUDED.retired""")
                .param("id", group.id()).param("name", group.name())
                .param("kind", group.kind() == null ? null : group.kind().name())
                .param("retired", group.retired())
                .update();
        jdbc.sql("DELETE FROM group_contact WHERE group_id = :id").param("id", group.id()).update();
        List<Contact> contacts = group.contacts() == null ? List.of() : group.contacts();
        for (int i = 0; i < contacts.size(); i++) {
            Contact contact = contacts.get(i);
            jdbc.sql("""
                    INSERT INTO group_contact (group_id, position, name, email, role)
                    VALUES (:id, :position, :name, :email, :role)""")
                    .param("id", group.id()).param("position", i).param("name", contact.name())
                    .param("email", contact.email())
                    .param("role", contact.role() == null ? null : contact.role().name())
                    .update();
        }
    }

    /** The group's name, or its id while no group event has named it. */
    public String name(String groupId) {
        return jdbc.sql("SELECT name FROM known_group WHERE group_id = :id").param("id", groupId)
                .query(String.class).optional().orElse(groupId);
    }

    /** The email addresses of the group's contacts. */
    public List<String> contactEmails(String groupId) {
        return jdbc.sql("""
                SELECT DISTINCT email FROM group_contact
                WHERE group_id = :id AND email IS NOT NULL AND email <> ''""")
                .param("id", groupId).query(String.class).list();
    }

    /** SO/AC leadership: the chairs and vice-chairs of the supporting organizations and advisory committees. */
    public List<String> leadershipEmails() {
        return jdbc.sql("""
                SELECT DISTINCT c.email FROM group_contact c JOIN known_group g ON g.group_id = c.group_id
                WHERE g.kind IN (:kinds) AND NOT g.retired AND c.role IN (:roles)
                  AND c.email IS NOT NULL AND c.email <> ''""")
                .param("kinds", List.of(GroupKind.SO.name(), GroupKind.AC.name()))
                .param("roles", List.of(ContactRole.CHAIR.name(), ContactRole.VICE_CHAIR.name()))
                .query(String.class).list();
    }
}
