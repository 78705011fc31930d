package org.ws2.reporting.engagement;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
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
        return jdbc.sql(insertInto(table)).paramSource(row(e, version, eventTime)).update() == 1;
    }

    /** The statement that keeps one version: {@link #record} runs it, a rebuild batches it. */
    public static String insertInto(String table) {
        return "INSERT INTO " + table + """
                 (id, version, effective_at, kind, title, held_on, description, links,
                    recommendation_ids, removed)
                VALUES (:id, :version, :effectiveAt, :kind, :title, :heldOn, :description, CAST(:links AS jsonb),
                    :recommendationIds, :removed)
                ON CONFLICT (id, version) DO NOTHING""";
    }

    /** One version's values for {@link #insertInto}. */
    public SqlParameterSource row(EngagementSnapshot e, long version, Instant eventTime) {
        Instant effectiveAt = effectiveAt(e, version, eventTime);
        return new MapSqlParameterSource()
                .addValue("id", e.id())
                .addValue("version", version)
                .addValue("effectiveAt", OffsetDateTime.ofInstant(effectiveAt, ZoneOffset.UTC))
                .addValue("kind", e.kind().name())
                .addValue("title", e.title())
                .addValue("heldOn", e.heldOn())
                .addValue("description", e.description())
                .addValue("links", json.writeValueAsString(e.links() == null ? List.of() : e.links()))
                .addValue("recommendationIds",
                        e.recommendationIds() == null ? new String[0] : e.recommendationIds().toArray(String[]::new))
                .addValue("removed", e.removed());
    }
}
