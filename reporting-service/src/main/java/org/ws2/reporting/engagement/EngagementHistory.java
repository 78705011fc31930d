package org.ws2.reporting.engagement;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.engagement.EngagementEvent;
import org.ws2.contracts.engagement.EngagementEvents.EngagementSnapshot;
import org.ws2.reporting.history.VersionTable;
import org.ws2.service.events.AppliesEvents;

import tools.jackson.databind.json.JsonMapper;

/** Every version of every engagement item (meetings, webinars) with its links, ICANN public meeting and groups. */
@Repository
@RequiredArgsConstructor
public class EngagementHistory {

    public static final VersionTable VERSIONS = new VersionTable("engagement_version",
            "kind, title, held_on, description, links, recommendation_ids, meeting, group_ids, removed",
            ":kind, :title, :heldOn, :description, CAST(:links AS jsonb), :recommendationIds, :meeting, :groupIds, :removed");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    /**
     * An engagement is a dated fact: recorded after it was held (the seed records the Q2 2021 meeting
     * and webinar years later), its first version counts from the day it was held, so that a report as
     * of that quarter lists it. Later versions (edits, removal) count from when they took effect.
     */
    static Instant effectiveAt(EngagementSnapshot e, long version, Instant eventTime) {
        if (version == 0 && e.heldOn() != null) {
            Instant held = e.heldOn().atStartOfDay(ZoneOffset.UTC).toInstant();
            return held.isBefore(eventTime) ? held : eventTime;
        }
        return eventTime;
    }

    @AppliesEvents("reporting.engagement-history")
    void record(EngagementEvent event, CloudEvent envelope) {
        VERSIONS.record(jdbc, row(event.engagement(), event.aggregateVersion(), envelope.time()));
    }

    /** One version's values for {@link #VERSIONS}. */
    public SqlParameterSource row(EngagementSnapshot e, long version, Instant eventTime) {
        return VersionTable.row(e.id(), version, effectiveAt(e, version, eventTime))
                .addValue("kind", e.kind().name())
                .addValue("title", e.title())
                .addValue("heldOn", e.heldOn())
                .addValue("description", e.description())
                .addValue("links", json.writeValueAsString(e.links() == null ? List.of() : e.links()))
                .addValue("recommendationIds",
                        e.recommendationIds() == null ? new String[0] : e.recommendationIds().toArray(String[]::new))
                .addValue("meeting", e.meeting())
                .addValue("groupIds", e.groupIds().toArray(String[]::new))
                .addValue("removed", e.removed());
    }
}
