package org.ws2.reporting.assignment;

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
import org.ws2.contracts.assignment.AssignmentEvent;
import org.ws2.contracts.assignment.AssignmentEvents.AssignmentSnapshot;
import org.ws2.service.events.AppliesEvents;

/**
 * Every version of every assignment (one group's share of one recommendation). Comment threads are
 * not kept: they are the group's and support's, not published data.
 */
@Repository
public class AssignmentHistory {

    private final JdbcClient jdbc;

    AssignmentHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every assignment event carries the whole assignment, so whatever the type, its snapshot is kept. */
    @AppliesEvents("reporting.assignment-history")
    void record(AssignmentEvent event, CloudEvent envelope) {
        record("assignment_version", event.assignment(), envelope.type(), event.aggregateVersion(), envelope.time());
    }

    /** @param table assignment_version, or its replacement while a rebuild fills it */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean record(String table, AssignmentSnapshot a, String eventType, long version, Instant effectiveAt) {
        return jdbc.sql(insertInto(table)).paramSource(row(a, eventType, version, effectiveAt)).update() == 1;
    }

    /** The statement that keeps one version: {@link #record} runs it, a rebuild batches it. */
    public static String insertInto(String table) {
        return "INSERT INTO " + table + """
                 (id, version, effective_at, event_type, group_id, recommendation_id,
                    recommendation_title, topic, triage, priority, effort, urgency, priority_draft,
                    not_applicable_reason, progress)
                VALUES (:id, :version, :effectiveAt, :type, :groupId, :recommendationId, :title, :topic, :triage,
                    :priority, :effort, :urgency, :draft, :notApplicableReason, :progress)
                ON CONFLICT (id, version) DO NOTHING""";
    }

    /** One version's values for {@link #insertInto}. */
    public static SqlParameterSource row(AssignmentSnapshot a, String eventType, long version, Instant effectiveAt) {
        return new MapSqlParameterSource()
                .addValue("id", a.groupId() + ":" + a.recommendationId())
                .addValue("version", version)
                .addValue("effectiveAt", OffsetDateTime.ofInstant(effectiveAt, ZoneOffset.UTC))
                .addValue("type", eventType)
                .addValue("groupId", a.groupId())
                .addValue("recommendationId", a.recommendationId())
                .addValue("title", a.recommendationTitle())
                .addValue("topic", a.topic())
                .addValue("triage", a.triage().name())
                .addValue("priority", a.priority() == null ? null : a.priority().name())
                .addValue("effort", a.effort() == null ? null : a.effort().name())
                .addValue("urgency", a.urgency() == null ? null : a.urgency().name())
                .addValue("draft", a.priorityDraft())
                .addValue("notApplicableReason", a.notApplicableReason())
                .addValue("progress", a.progress() == null ? "NOT_STARTED" : a.progress().name());
    }
}
