package org.ws2.notifications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.kafka.core.KafkaTemplate;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.Topics;
import org.ws2.contracts.assignment.AssignmentEvents;
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
import org.ws2.testsupport.RecommendationEventFeed;

import tools.jackson.databind.json.JsonMapper;

/** Events of every family as their producers write them, published to the real topics. */
final class TestEvents {

    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json = JsonMapper.builder().build();

    TestEvents(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    CloudEvent publish(String topic, CloudEvent event) {
        try {
            kafka.send(topic, event.subject(), json.writeValueAsString(event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return event;
    }

    CloudEvent group(String id, GroupKind kind, long version, Contact... contacts) {
        GroupSnapshot group = new GroupSnapshot(id, id + " (test)", kind, null, "test", null, List.of(contacts),
                List.of(), false, null, version, now());
        return publish(Topics.GROUPS, CloudEvent.of(GroupEvents.SOURCE, GroupEvents.REGISTERED, id, version, now(),
                json.valueToTree(new GroupEvents.Registered(id, version, "seed", now(), group))));
    }

    CloudEvent triaged(String groupId, String recommendationId, long version) {
        var payload = new AssignmentEvents.Triaged(groupId, recommendationId, version, "sam", now(), "Applies to you",
                assignment(groupId, recommendationId, TriageState.TRIAGED, version));
        return publish(Topics.ASSIGNMENTS, CloudEvent.of(AssignmentEvents.SOURCE, AssignmentEvents.TRIAGED,
                recommendationId, version, now(), json.valueToTree(payload)));
    }

    CloudEvent triageChanged(String groupId, String recommendationId, TriageState from, TriageState to, long version,
            String actor) {
        return triageChanged(groupId, recommendationId, from, to, version, actor, now());
    }

    CloudEvent triageChanged(String groupId, String recommendationId, TriageState from, TriageState to, long version,
            String actor, Instant at) {
        var payload = new AssignmentEvents.TriageChanged(groupId, recommendationId, version, actor, at, from, to,
                "Please review", assignment(groupId, recommendationId, to, version));
        return publish(Topics.ASSIGNMENTS, CloudEvent.of(AssignmentEvents.SOURCE, AssignmentEvents.TRIAGE_CHANGED,
                recommendationId, version, at, json.valueToTree(payload)));
    }

    CloudEvent prioritized(String groupId, String recommendationId, long version) {
        var payload = new AssignmentEvents.Prioritized(groupId, recommendationId, version, "gina", now(), "High for us",
                assignment(groupId, recommendationId, TriageState.SIGNED_OFF, version));
        return publish(Topics.ASSIGNMENTS, CloudEvent.of(AssignmentEvents.SOURCE, AssignmentEvents.PRIORITIZED,
                recommendationId, version, now(), json.valueToTree(payload)));
    }

    CloudEvent progressReported(String groupId, String recommendationId, long version) {
        var payload = new AssignmentEvents.ProgressReported(groupId, recommendationId, version, "gina", now(),
                Progress.NOT_STARTED, Progress.IN_PROGRESS, "Begun",
                assignment(groupId, recommendationId, TriageState.SIGNED_OFF, version));
        return publish(Topics.ASSIGNMENTS, CloudEvent.of(AssignmentEvents.SOURCE, AssignmentEvents.PROGRESS_REPORTED,
                recommendationId, version, now(), json.valueToTree(payload)));
    }

    CloudEvent statusChanged(String recommendationId, long version) {
        return statusChanged(recommendationId, RecommendationStatus.NOT_STARTED, RecommendationStatus.PLANNING,
                version);
    }

    CloudEvent statusChanged(String id, RecommendationStatus from, RecommendationStatus to, long version) {
        Instant at = now();
        var snapshot = new RecommendationSnapshot(id, id.substring(0, id.indexOf('.')),
                RecommendationEventFeed.topic(id), RecommendationEventFeed.title(id), null, Ownership.ORG, List.of(),
                List.of(), null, List.of(), to, CoordinationLevel.NONE, null, List.of(), 0, false, version, at);
        var payload = new RecommendationEvents.StatusChanged(id, RecommendationEventFeed.topic(id),
                RecommendationEventFeed.title(id), from, to, "Kick-off with SO/AC chairs", "alice", at, version, null,
                snapshot);
        return publish(Topics.RECOMMENDATIONS, CloudEvent.of(RecommendationEvents.SOURCE,
                RecommendationEvents.STATUS_CHANGED, id, version, at, json.valueToTree(payload)));
    }

    CloudEvent coordinationFlagged(String recommendationId, long version) {
        var payload = new RecommendationEvents.CoordinationFlagSet(recommendationId, version, "sam", now(),
                CoordinationLevel.NONE, CoordinationLevel.REQUIRED, "Needs SO/AC leadership to prioritise", null);
        return publish(Topics.RECOMMENDATIONS, CloudEvent.of(RecommendationEvents.SOURCE,
                RecommendationEvents.COORDINATION_FLAG_SET, recommendationId, version, now(), json.valueToTree(payload)));
    }

    CloudEvent webinarRecorded(String title, String... recommendationIds) {
        String id = UUID.randomUUID().toString();
        var engagement = new EngagementSnapshot(id, EngagementEvents.Kind.WEBINAR, title, LocalDate.of(2021, 6, 3),
                "Q2 update", List.of(), List.of(recommendationIds), false, 1, "sam", now(), "sam", now(), null, null);
        return publish(Topics.ENGAGEMENTS, CloudEvent.of(EngagementEvents.SOURCE, EngagementEvents.RECORDED, id, 1,
                now(), json.valueToTree(new EngagementEvents.Recorded(id, 1, "sam", now(), engagement))));
    }

    private static AssignmentSnapshot assignment(String groupId, String recommendationId, TriageState triage,
            long version) {
        return new AssignmentSnapshot(groupId + ":" + recommendationId, groupId, recommendationId,
                "Test recommendation " + recommendationId, "Diversity", null, triage, null, null, null, true, null,
                null, null, null, List.of(), version, "sam", now(), "sam", now());
    }
}
