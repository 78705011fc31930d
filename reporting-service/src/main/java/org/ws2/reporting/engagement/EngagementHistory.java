package org.ws2.reporting.engagement;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.engagement.EngagementEvent;
import org.ws2.contracts.engagement.EngagementEvents.EngagementSnapshot;
import org.ws2.service.events.AppliesEvents;

import tools.jackson.databind.json.JsonMapper;

/** Every version of every engagement item (meetings, webinars) with its links. */
@Repository
public class EngagementHistory {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EngagementHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

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
        record("engagement_version", event.engagement(), event.aggregateVersion(), envelope.time());
    }

    /** @param table engagement_version, or its replacement while a rebuild fills it */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean record(String table, EngagementSnapshot e, long version, Instant eventTime) {
        Instant effectiveAt = effectiveAt(e, version, eventTime);
        return jdbc.sql("INSERT INTO " + table + """
                 (id, version, effective_at, kind, title, held_on, description, links,
                    recommendation_ids, removed)
                VALUES (:id, :version, :effectiveAt, :kind, :title, :heldOn, :description, CAST(:links AS jsonb),
                    :recommendationIds, :removed)
                ON CONFLICT (id, version) DO NOTHING""")
                .param("id", e.id())
                .param("version", version)
                .param("effectiveAt", OffsetDateTime.ofInstant(effectiveAt, ZoneOffset.UTC))
                .param("kind", e.kind().name())
                .param("title", e.title())
                .param("heldOn", e.heldOn())
                .param("description", e.description())
                .param("links", json.writeValueAsString(e.links() == null ? List.of() : e.links()))
                .param("recommendationIds",
                        e.recommendationIds() == null ? new String[0] : e.recommendationIds().toArray(String[]::new))
                .param("removed", e.removed())
                .update() == 1;
    }
}
