package org.ws2.reporting.group;

import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.group.GroupEvent;
import org.ws2.contracts.group.GroupEvents.GroupSnapshot;
import org.ws2.reporting.history.VersionTable;
import org.ws2.service.events.AppliesEvents;

/** Every version of every group the reports have heard of, without contacts or members (personal data). */
@Repository
@RequiredArgsConstructor
public class GroupHistory {

    public static final VersionTable VERSIONS = new VersionTable("group_version",
            "name, kind, parent, retired",
            ":name, :kind, :parent, :retired");

    private final JdbcClient jdbc;

    @AppliesEvents("reporting.group-history")
    void record(GroupEvent event, CloudEvent envelope) {
        VERSIONS.record(jdbc, row(event.group(), event.aggregateVersion(), envelope.time()));
    }

    /** One version's values for {@link #VERSIONS}. */
    public static SqlParameterSource row(GroupSnapshot group, long version, Instant effectiveAt) {
        return VersionTable.row(group.id(), version, effectiveAt)
                .addValue("name", group.name())
                .addValue("kind", group.kind().name())
                .addValue("parent", group.parent())
                .addValue("retired", group.retired());
    }
}
