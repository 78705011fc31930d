package org.ws2.reporting.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.kafka.core.KafkaTemplate;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.EventCodec;
import org.ws2.contracts.Ws2Event;
import org.ws2.contracts.Topics;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.contracts.assignment.AssignmentEvents.AssignmentSnapshot;
import org.ws2.contracts.assignment.AssignmentScope;
import org.ws2.contracts.assignment.Effort;
import org.ws2.contracts.assignment.Priority;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.assignment.Urgency;
import org.ws2.contracts.engagement.EngagementEvents;
import org.ws2.contracts.engagement.EngagementEvents.EngagementSnapshot;
import org.ws2.contracts.group.GroupEvents;
import org.ws2.contracts.group.GroupEvents.Contact;
import org.ws2.contracts.group.GroupEvents.ContactRole;
import org.ws2.contracts.group.GroupEvents.GroupSnapshot;
import org.ws2.contracts.group.GroupKind;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.testsupport.EventSchemas;

import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes events of all four families, as their producers would, each with the effective time
 * given (CloudEvents {@code time}), keeping every aggregate's version and snapshot, so that a test can
 * write a history ("triaged on 20 April 2021") in a few lines. Every event is checked against its
 * schema before it is sent.
 */
public final class WorldFeed {

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec = new EventCodec(JsonMapper.builder().build());
    private final Map<String, RecommendationSnapshot> recommendations = new HashMap<>();
    private final Map<String, AssignmentSnapshot> assignments = new HashMap<>();
    private final Map<String, EngagementSnapshot> engagements = new HashMap<>();
    private final List<CloudEvent> published = new ArrayList<>();

    public WorldFeed(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    public List<CloudEvent> published() {
        return published;
    }

    public CloudEvent registerRecommendation(String id, String topic, Ownership ownership, List<String> dependsOn,
            Instant at) {
        RecommendationSnapshot s = new RecommendationSnapshot(id, id.split("\\.")[0], topic, "Recommendation " + id,
                "What " + id + " asks.", ownership, List.of(), List.of("ICANN org"), null, List.of(), "test",
                "test data", RecommendationStatus.NOT_STARTED, CoordinationLevel.NONE, null, dependsOn, 0, false, null,
                0, at, at);
        recommendations.put(id, s);
        return send(Topics.RECOMMENDATIONS, RecommendationEvents.SOURCE, RecommendationEvents.REGISTERED, id, 0, at,
                new RecommendationEvents.Registered(id, topic, s.title(), s.status(), 0, "seed", s));
    }

    public CloudEvent flag(String id, CoordinationLevel level, Instant at) {
        RecommendationSnapshot old = recommendations.get(id);
        long v = old.version() + 1;
        RecommendationSnapshot s = new RecommendationSnapshot(id, old.topicPrefix(), old.topic(), old.title(),
                old.summary(), old.ownership(), old.sharedWith(), old.implementers(), old.targetQuarter(), old.tags(),
                old.source(), old.verification(), old.status(), level, "Flagged to SO/AC leadership", old.dependsOn(),
                old.evidenceCount(), false, null, v, old.createdAt(), at);
        recommendations.put(id, s);
        return send(Topics.RECOMMENDATIONS, RecommendationEvents.SOURCE, RecommendationEvents.COORDINATION_FLAG_SET, id,
                v, at, new RecommendationEvents.CoordinationFlagSet(id, v, "alice", at, old.coordination(), level,
                        "Flagged to SO/AC leadership", s));
    }

    public CloudEvent move(String id, RecommendationStatus to, String targetQuarter, Instant at) {
        RecommendationSnapshot old = recommendations.get(id);
        long v = old.version() + 1;
        RecommendationSnapshot s = new RecommendationSnapshot(id, old.topicPrefix(), old.topic(), old.title(),
                old.summary(), old.ownership(), old.sharedWith(), old.implementers(), targetQuarter, old.tags(),
                old.source(), old.verification(), to, old.coordination(), old.coordinationRationale(), old.dependsOn(),
                old.evidenceCount(), false, null, v, old.createdAt(), at);
        recommendations.put(id, s);
        return send(Topics.RECOMMENDATIONS, RecommendationEvents.SOURCE, RecommendationEvents.STATUS_CHANGED, id, v, at,
                new RecommendationEvents.StatusChanged(id, old.topic(), old.title(), old.status(), to, "moved", "alice",
                        at, v, null, s));
    }

    public CloudEvent evidence(String id, String title, String url, Instant at) {
        RecommendationSnapshot old = recommendations.get(id);
        long v = old.version() + 1;
        RecommendationSnapshot s = new RecommendationSnapshot(id, old.topicPrefix(), old.topic(), old.title(),
                old.summary(), old.ownership(), old.sharedWith(), old.implementers(), old.targetQuarter(), old.tags(),
                old.source(), old.verification(), old.status(), old.coordination(), old.coordinationRationale(),
                old.dependsOn(), old.evidenceCount() + 1, false, null, v, old.createdAt(), at);
        recommendations.put(id, s);
        var evidence = new RecommendationEvents.Evidence("ev-" + id, title, url, null, LocalDate.ofInstant(at,
                java.time.ZoneOffset.UTC), "How it was done");
        return send(Topics.RECOMMENDATIONS, RecommendationEvents.SOURCE, RecommendationEvents.EVIDENCE_ADDED, id, v, at,
                new RecommendationEvents.EvidenceAdded(id, v, "alice", at, evidence, s));
    }

    public CloudEvent registerGroup(String id, String name, GroupKind kind, Instant at) {
        return registerGroup(id, name, kind, null, at);
    }

    public CloudEvent registerGroup(String id, String name, GroupKind kind, String parent, Instant at) {
        GroupSnapshot g = new GroupSnapshot(id, name, kind, parent, "test", null,
                List.of(new Contact("Chair of " + id, "chair@" + id.toLowerCase() + ".example", ContactRole.CHAIR)),
                List.of(), false, null, 0, at);
        return send(Topics.GROUPS, GroupEvents.SOURCE, GroupEvents.REGISTERED, id, 0, at,
                new GroupEvents.Registered(id, 0, "seed", at, g));
    }

    public CloudEvent triage(String groupId, String recommendationId, Instant at) {
        AssignmentSnapshot a = new AssignmentSnapshot(groupId + ":" + recommendationId, groupId, recommendationId,
                "Recommendation " + recommendationId, "SO/AC Accountability", "applies", TriageState.TRIAGED, null, null,
                null, false, null, Progress.NOT_STARTED, null, null, 0, 0, "staff", at, "staff", at);
        assignments.put(a.id(), a);
        return send(Topics.ASSIGNMENTS, AssignmentEvents.SOURCE, AssignmentEvents.TRIAGED, recommendationId, 0, at,
                new AssignmentEvents.Triaged(groupId, recommendationId, 0, "staff", at, "triaged", a));
    }

    public CloudEvent triageTo(String groupId, String recommendationId, TriageState to, Instant at) {
        AssignmentSnapshot old = assignments.get(groupId + ":" + recommendationId);
        AssignmentSnapshot a = with(old, to, old.priority(), old.effort(), old.urgency(), old.priorityDraft(),
                old.progress(), at);
        return send(Topics.ASSIGNMENTS, AssignmentEvents.SOURCE, AssignmentEvents.TRIAGE_CHANGED, recommendationId,
                a.version(), at, new AssignmentEvents.TriageChanged(groupId, recommendationId, a.version(), "someone", at,
                        old.triage(), to, "note", a));
    }

    public CloudEvent prioritize(String groupId, String recommendationId, Priority priority, Instant at) {
        AssignmentSnapshot old = assignments.get(groupId + ":" + recommendationId);
        AssignmentSnapshot a = with(old, old.triage(), priority, Effort.MODERATE, Urgency.MEDIUM, true, old.progress(),
                at);
        return send(Topics.ASSIGNMENTS, AssignmentEvents.SOURCE, AssignmentEvents.PRIORITIZED, recommendationId,
                a.version(), at, new AssignmentEvents.Prioritized(groupId, recommendationId, a.version(), "editor", at,
                        null, a));
    }

    public CloudEvent approve(String groupId, String recommendationId, Instant at) {
        AssignmentSnapshot old = assignments.get(groupId + ":" + recommendationId);
        AssignmentSnapshot a = with(old, old.triage(), old.priority(), old.effort(), old.urgency(), false,
                old.progress(), at);
        return send(Topics.ASSIGNMENTS, AssignmentEvents.SOURCE, AssignmentEvents.PRIORITIES_APPROVED,
                recommendationId, a.version(), at,
                new AssignmentEvents.PrioritiesApproved(groupId, recommendationId, a.version(), "editor", at, null, a));
    }

    public CloudEvent progress(String groupId, String recommendationId, Progress to, Instant at) {
        AssignmentSnapshot old = assignments.get(groupId + ":" + recommendationId);
        AssignmentSnapshot a = with(old, old.triage(), old.priority(), old.effort(), old.urgency(),
                old.priorityDraft(), to, at);
        return send(Topics.ASSIGNMENTS, AssignmentEvents.SOURCE, AssignmentEvents.PROGRESS_REPORTED, recommendationId,
                a.version(), at, new AssignmentEvents.ProgressReported(groupId, recommendationId, a.version(), "editor",
                        at, old.progress(), to, "begun", a));
    }

    /** The group says whom its share is for, or hands it down to the child groups named (issue 21). */
    public CloudEvent scope(String groupId, String recommendationId, AssignmentScope to, List<String> delegatedTo,
            Instant at) {
        AssignmentSnapshot o = assignments.get(groupId + ":" + recommendationId);
        AssignmentSnapshot a = new AssignmentSnapshot(o.id(), o.groupId(), o.recommendationId(),
                o.recommendationTitle(), o.topic(), o.applicabilityNote(), o.triage(), o.priority(), o.effort(),
                o.urgency(), o.priorityDraft(), o.notApplicableReason(), o.progress(), o.progressNote(),
                o.evidenceUrl(), o.commentCount(), o.version() + 1, o.createdBy(), o.createdAt(), "editor", at, to,
                delegatedTo);
        assignments.put(a.id(), a);
        return send(Topics.ASSIGNMENTS, AssignmentEvents.SOURCE, AssignmentEvents.SCOPE_CHANGED, recommendationId,
                a.version(), at, new AssignmentEvents.ScopeChanged(groupId, recommendationId, a.version(), "editor", at,
                        o.scope(), to, delegatedTo, null, a));
    }

    public CloudEvent engagement(String id, EngagementEvents.Kind kind, String title, LocalDate heldOn, String url,
            Instant at) {
        EngagementSnapshot e = new EngagementSnapshot(id, kind, title, heldOn, "Held", List.of(
                new EngagementEvents.Link("Meeting materials", url)), List.of(), false, 0, "staff", at, "staff", at,
                null, null);
        engagements.put(id, e);
        return send(Topics.ENGAGEMENTS, EngagementEvents.SOURCE, EngagementEvents.RECORDED, id, 0, at,
                new EngagementEvents.Recorded(id, 0, "staff", at, e));
    }

    /** An item about the recommendations named, without links or meeting. */
    public CloudEvent engagementAbout(String id, EngagementEvents.Kind kind, String title, LocalDate heldOn,
            List<String> recommendationIds, Instant at) {
        EngagementSnapshot e = new EngagementSnapshot(id, kind, title, heldOn, "Held", List.of(), recommendationIds,
                null, List.of(), false, 0, "staff", at, "staff", at, null, null);
        engagements.put(id, e);
        return send(Topics.ENGAGEMENTS, EngagementEvents.SOURCE, EngagementEvents.RECORDED, id, 0, at,
                new EngagementEvents.Recorded(id, 0, "staff", at, e));
    }

    /** An item without links, at an ICANN public meeting ({@code ICANN71}) with the groups involved. */
    public CloudEvent engagementAt(String id, EngagementEvents.Kind kind, String title, LocalDate heldOn,
            String meeting, List<String> groupIds, Instant at) {
        EngagementSnapshot e = new EngagementSnapshot(id, kind, title, heldOn, "Held", List.of(), List.of(), meeting,
                groupIds, false, 0, "staff", at, "staff", at, null, null);
        engagements.put(id, e);
        return send(Topics.ENGAGEMENTS, EngagementEvents.SOURCE, EngagementEvents.RECORDED, id, 0, at,
                new EngagementEvents.Recorded(id, 0, "staff", at, e));
    }

    private AssignmentSnapshot with(AssignmentSnapshot o, TriageState triage, Priority priority, Effort effort,
            Urgency urgency, boolean draft, Progress progress, Instant at) {
        AssignmentSnapshot a = new AssignmentSnapshot(o.id(), o.groupId(), o.recommendationId(),
                o.recommendationTitle(), o.topic(), o.applicabilityNote(), triage, priority, effort, urgency, draft,
                o.notApplicableReason(), progress, o.progressNote(), o.evidenceUrl(), o.commentCount(), o.version() + 1,
                o.createdBy(), o.createdAt(), "someone", at, o.scope(), o.delegatedTo());
        assignments.put(a.id(), a);
        return a;
    }

    /**
     * Writes the event as its producer would (the one codec), recorded when it took effect: this feed
     * writes history as it happened, not entered later.
     */
    private CloudEvent send(String topic, String source, String type, String subject, long version, Instant at,
            Ws2Event payload) {
        CloudEvent event = codec.toCloudEvent(payload, at);
        if (!event.type().equals(type) || !event.subject().equals(subject) || event.aggregateversion() != version
                || !event.time().equals(at)) {
            throw new IllegalStateException("The feed built an inconsistent event: " + event);
        }
        String value = codec.write(event);
        EventSchemas.assertConforms(value);
        try {
            kafka.send(topic, subject, value).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
        published.add(event);
        return event;
    }
}
