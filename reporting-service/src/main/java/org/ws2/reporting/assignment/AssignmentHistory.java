package org.ws2.reporting.assignment;

import java.time.Instant;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.assignment.AssignmentEvent;
import org.ws2.contracts.assignment.AssignmentEvents.AssignmentSnapshot;
import org.ws2.reporting.history.VersionTable;
import org.ws2.service.events.AppliesEvents;

/**
 * Every version of every assignment (one group's share of one recommendation), with whom the group judged it
 * to be for and the child groups it handed it down to. Comment threads are not kept: they are the group's and
 * support's, not published data.
 */
@Repository
@RequiredArgsConstructor
public class AssignmentHistory {

    public static final VersionTable VERSIONS = new VersionTable("assignment_version", """
            event_type, group_id, recommendation_id, recommendation_title, topic, triage, priority, effort,
                urgency, priority_draft, not_applicable_reason, progress, scope, delegated_to""", """
            :type, :groupId, :recommendationId, :title, :topic, :triage, :priority, :effort, :urgency, :draft,
                :notApplicableReason, :progress, :scope, :delegatedTo""");

    private final JdbcClient jdbc;

    /** Every assignment event carries the whole assignment, so whatever the type, its snapshot is kept. */
    @AppliesEvents("reporting.assignment-history")
    void record(AssignmentEvent event, CloudEvent envelope) {
        VERSIONS.record(jdbc, row(event.assignment(), envelope.type(), event.aggregateVersion(), envelope.time()));
    }

    /** One version's values for {@link #VERSIONS}. */
    public static SqlParameterSource row(AssignmentSnapshot a, String eventType, long version, Instant effectiveAt) {
        return VersionTable.row(a.groupId() + ":" + a.recommendationId(), version, effectiveAt)
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
                .addValue("progress", a.progress() == null ? "NOT_STARTED" : a.progress().name())
                .addValue("scope", a.scope().name())
                .addValue("delegatedTo", a.delegatedTo().toArray(String[]::new));
    }
}
