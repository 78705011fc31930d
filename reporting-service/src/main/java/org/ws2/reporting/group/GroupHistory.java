package org.ws2.reporting.group;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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
        return jdbc.sql(insertInto(table)).paramSource(row(group, version, effectiveAt)).update() == 1;
    }

    /** The statement that keeps one version: {@link #record} runs it, a rebuild batches it. */
    public static String insertInto(String table) {
        return "INSERT INTO " + table + """
                 (id, version, effective_at, name, kind, parent, retired)
                VALUES (:id, :version, :effectiveAt, :name, :kind, :parent, :retired)
                ON CONFLICT (id, version) DO NOTHING""";
    }

    /** One version's values for {@link #insertInto}. */
    public static SqlParameterSource row(GroupSnapshot group, long version, Instant effectiveAt) {
        return new MapSqlParameterSource()
                .addValue("id", group.id())
                .addValue("version", version)
                .addValue("effectiveAt", OffsetDateTime.ofInstant(effectiveAt, ZoneOffset.UTC))
                .addValue("name", group.name())
                .addValue("kind", group.kind().name())
                .addValue("parent", group.parent())
                .addValue("retired", group.retired());
    }
}
