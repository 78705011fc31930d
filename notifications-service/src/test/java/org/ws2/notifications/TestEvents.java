package org.ws2.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.kafka.core.KafkaTemplate;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.EventCodec;
import org.ws2.contracts.Topics;
import org.ws2.contracts.assignment.AssignmentEvents;
import org.ws2.contracts.assignment.AssignmentScope;
import org.ws2.contracts.assignment.AssignmentEvents.AssignmentSnapshot;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.engagement.EngagementEvents;
import org.ws2.contracts.engagement.EngagementEvents.EngagementSnapshot;
import org.ws2.contracts.group.GroupEvents;
import org.ws2.contracts.group.GroupEvents.Contact;
import org.ws2.contracts.group.GroupEvents.GroupSnapshot;
import org.ws2.contracts.group.GroupKind;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.contracts.report.ReportEvents;
import org.ws2.testsupport.RecommendationEventFeed;

import tools.jackson.databind.json.JsonMapper;

/** Events of every family as their producers write them, published to the real topics. */
final class TestEvents {

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec = new EventCodec(JsonMapper.builder().build());

    TestEvents(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    CloudEvent publish(String topic, CloudEvent event) {
        try {
            kafka.send(topic, event.subject(), codec.write(event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return event;
    }

    CloudEvent group(String id, GroupKind kind, long version, Contact... contacts) {
        GroupSnapshot group = new GroupSnapshot(id, id + " (test)", kind, null, "test", null, List.of(contacts),
                List.of(), false, null, version, now());
        return publish(Topics.internal(Topics.GROUPS), codec.toCloudEvent(new GroupEvents.Registered(id, version, "seed", now(), group),
                now()));
    }

    CloudEvent triaged(String groupId, String recommendationId, long version) {
        var payload = new AssignmentEvents.Triaged(groupId, recommendationId, version, "sam", now(), "Applies to you",
                assignment(groupId, recommendationId, TriageState.TRIAGED, version));
        return publish(Topics.internal(Topics.ASSIGNMENTS), codec.toCloudEvent(payload, now()));
    }

    CloudEvent triageChanged(String groupId, String recommendationId, TriageState from, TriageState to, long version,
            String actor) {
        return triageChanged(groupId, recommendationId, from, to, version, actor, now());
    }

    CloudEvent triageChanged(String groupId, String recommendationId, TriageState from, TriageState to, long version,
            String actor, Instant at) {
        var payload = new AssignmentEvents.TriageChanged(groupId, recommendationId, version, actor, at, from, to,
                "Please review", assignment(groupId, recommendationId, to, version));
        return publish(Topics.internal(Topics.ASSIGNMENTS), codec.toCloudEvent(payload, now()));
    }

    CloudEvent prioritized(String groupId, String recommendationId, long version) {
        var payload = new AssignmentEvents.Prioritized(groupId, recommendationId, version, "gina", now(), "High for us",
                assignment(groupId, recommendationId, TriageState.SIGNED_OFF, version));
        return publish(Topics.internal(Topics.ASSIGNMENTS), codec.toCloudEvent(payload, now()));
    }

    CloudEvent progressReported(String groupId, String recommendationId, long version) {
        var payload = new AssignmentEvents.ProgressReported(groupId, recommendationId, version, "gina", now(),
                Progress.NOT_STARTED, Progress.IN_PROGRESS, "Begun",
                assignment(groupId, recommendationId, TriageState.SIGNED_OFF, version));
        return publish(Topics.internal(Topics.ASSIGNMENTS), codec.toCloudEvent(payload, now()));
    }

    CloudEvent handedDown(String groupId, String recommendationId, long version, List<String> children) {
        var payload = new AssignmentEvents.ScopeChanged(groupId, recommendationId, version, "gina", now(),
                AssignmentScope.GROUP, AssignmentScope.CHILDREN, children, "For the stakeholder groups",
                assignment(groupId, recommendationId, TriageState.SIGNED_OFF, version));
        return publish(Topics.internal(Topics.ASSIGNMENTS), codec.toCloudEvent(payload, now()));
    }

    CloudEvent commented(String groupId, String recommendationId, long version, String actor, String text) {
        var comment = new AssignmentEvents.Comment(UUID.randomUUID().toString(), actor, now(), text, null);
        var payload = new AssignmentEvents.Commented(groupId, recommendationId, version, actor, now(), comment,
                assignment(groupId, recommendationId, TriageState.SIGN_OFF_REQUESTED, version));
        return publish(Topics.internal(Topics.ASSIGNMENTS), codec.toCloudEvent(payload, now()));
    }

    CloudEvent statusChanged(String recommendationId, long version) {
        return statusChanged(recommendationId, RecommendationStatus.NOT_STARTED, RecommendationStatus.PLANNING,
                version);
    }

    CloudEvent statusChanged(String id, RecommendationStatus from, RecommendationStatus to, long version) {
        Instant at = now();
        var payload = new RecommendationEvents.StatusChanged(id, RecommendationEventFeed.topic(id),
                RecommendationEventFeed.title(id), from, to, "Kick-off with SO/AC chairs", "alice", at, version, null,
                recommendation(id, to, CoordinationLevel.NONE, version, at));
        return publish(Topics.internal(Topics.RECOMMENDATIONS), codec.toCloudEvent(payload, at));
    }

    CloudEvent coordinationFlagged(String recommendationId, long version) {
        Instant at = now();
        var payload = new RecommendationEvents.CoordinationFlagSet(recommendationId, version, "sam", at,
                CoordinationLevel.NONE, CoordinationLevel.REQUIRED, "Needs SO/AC leadership to prioritise",
                recommendation(recommendationId, RecommendationStatus.NOT_STARTED, CoordinationLevel.REQUIRED, version,
                        at));
        return publish(Topics.internal(Topics.RECOMMENDATIONS), codec.toCloudEvent(payload, at));
    }

    CloudEvent webinarRecorded(String title, String... recommendationIds) {
        String id = UUID.randomUUID().toString();
        var engagement = new EngagementSnapshot(id, EngagementEvents.Kind.WEBINAR, title, LocalDate.of(2021, 6, 3),
                "Q2 update", List.of(), List.of(recommendationIds), false, 1, "sam", now(), "sam", now(), null, null);
        return publish(Topics.internal(Topics.ENGAGEMENTS), codec.toCloudEvent(new EngagementEvents.Recorded(id, 1, "sam", now(),
                engagement), now()));
    }

    /** As reporting publishes an edition: on the public topic (the event names no person, it has no internal twin). */
    CloudEvent editionPublished(String quarter, String label, int revision, long version, String correctionNote) {
        Instant at = now();
        var payload = new ReportEvents.EditionPublished(quarter, label, revision, version,
                "http://localhost:8080/reports/" + quarter, at, correctionNote, "WS2");
        return publish(Topics.REPORTS, codec.toCloudEvent(payload, at));
    }

    private static RecommendationSnapshot recommendation(String id, RecommendationStatus status,
            CoordinationLevel coordination, long version, Instant at) {
        return new RecommendationSnapshot(id, id.substring(0, id.indexOf('.')), RecommendationEventFeed.topic(id),
                RecommendationEventFeed.title(id), null, Ownership.ORG, List.of(), List.of(), null, List.of(), "test",
                null, status, coordination, null, List.of(), 0, false, null, version, at, at);
    }

    private static AssignmentSnapshot assignment(String groupId, String recommendationId, TriageState triage,
            long version) {
        return new AssignmentSnapshot(groupId + ":" + recommendationId, groupId, recommendationId,
                "Test recommendation " + recommendationId, "Diversity", null, triage, null, null, null, true, null,
                null, null, null, 0, version, "sam", now(), "sam", now());
    }
}
