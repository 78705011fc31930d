package org.ws2.reporting.group;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.group.GroupEvent;
import org.ws2.contracts.group.GroupEvents.GroupSnapshot;
import org.ws2.service.events.AppliesEvents;

/** Every version of every group the reports have heard of, without contacts or members (personal data). */
@Repository
public class GroupHistory {

    private final JdbcClient jdbc;

    GroupHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True if the version was new; versions arriving out of order are all kept (as-of picks the latest). */
    @AppliesEvents("reporting.group-history")
    void record(GroupEvent event, CloudEvent envelope) {
        record("group_version", event.group(), event.aggregateVersion(), envelope.time());
    }

    /** @param table group_version, or its replacement while a rebuild fills it */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean record(String table, GroupSnapshot group, long version, Instant effectiveAt) {
        return jdbc.sql("INSERT INTO " + table + """
                 (id, version, effective_at, name, kind, parent, retired)
                VALUES (:id, :version, :effectiveAt, :name, :kind, :parent, :retired)
                ON CONFLICT (id, version) DO NOTHING""")
                .param("id", group.id())
                .param("version", version)
                .param("effectiveAt", OffsetDateTime.ofInstant(effectiveAt, ZoneOffset.UTC))
                .param("name", group.name())
                .param("kind", group.kind().name())
                .param("parent", group.parent())
                .param("retired", group.retired())
                .update() == 1;
    }
}
