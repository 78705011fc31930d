package org.ws2.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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
import org.ws2.contracts.group.GroupEvents.GroupSnapshot;
import org.ws2.contracts.group.GroupKind;
import org.ws2.contracts.recommendation.CoordinationLevel;
import org.ws2.contracts.recommendation.Ownership;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationSnapshot;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.contracts.recommendation.SharedOwner;
import org.ws2.contracts.report.ReportEvents;

/** One realistic instance of every event record, for the contract tests. */
final class SampleEvents {

    static final Instant AT = Instant.parse("2021-05-07T14:00:00Z");

    static final RecommendationSnapshot RECOMMENDATION = new RecommendationSnapshot("6.1.1", "6",
            "SO/AC Accountability", "Publish participation policies", "Each SO/AC publishes who may take part.",
            Ownership.CO_OWNED, List.of(SharedOwner.BOARD), List.of("SO/ACs"), "2021-Q3", List.of("transparency"),
            "WS2 Final Report, p. 12", "title confirmed", RecommendationStatus.PLANNING, CoordinationLevel.REQUIRED,
            "Every SO/AC implements it", List.of("1.1"), 1, false, null, 4, AT.minusSeconds(86_400), AT);

    static final AssignmentSnapshot ASSIGNMENT = new AssignmentSnapshot("ALAC:6.1.1", "ALAC", "6.1.1",
            "Publish participation policies", "SO/AC Accountability", "Applies to ALAC's working groups",
            TriageState.SIGNED_OFF, Priority.HIGH, Effort.MODERATE, Urgency.MEDIUM, false, null,
            Progress.IN_PROGRESS, "Drafting", "https://community.icann.org/x/alac", 2, 6, "support-1",
            AT.minusSeconds(3_600), "alac-editor", AT);

    /** The GNSO Council's share of 1.1, handed to two of its stakeholder groups (issue 21). */
    static final AssignmentSnapshot DELEGATED = new AssignmentSnapshot("GNSO-Council:1.1", "GNSO-Council", "1.1",
            "Diversity criteria", "Diversity", null, TriageState.SIGNED_OFF, null, null, null, false, null,
            Progress.NOT_STARTED, null, null, 0, 2, "support-1", AT.minusSeconds(3_600), "gnso-editor", AT,
            AssignmentScope.CHILDREN, List.of("RySG", "RrSG"));

    static final GroupSnapshot GROUP = new GroupSnapshot("ALAC", "At-Large Advisory Committee", GroupKind.AC,
            null, "WS2 Q2 2021 update", null,
            List.of(new GroupEvents.Contact("Chair of ALAC", "chair@alac.example", GroupEvents.ContactRole.CHAIR)),
            List.of(), false, null, 3, AT);

    static final EngagementSnapshot ENGAGEMENT = new EngagementSnapshot(UUID.randomUUID().toString(),
            EngagementEvents.Kind.WEBINAR, "WS2 implementation webinar", LocalDate.parse("2021-05-25"),
            "Progress for the community", List.of(new EngagementEvents.Link("Recording", "https://icann.org/w")),
            List.of("6.1.1"), "ICANN71", List.of("ALAC", "GAC"), false, 1, "support-1", AT, "support-1", AT, null,
            null);

    static List<Ws2Event> all() {
        var evidence = new RecommendationEvents.Evidence(UUID.randomUUID().toString(), "Policy page",
                "https://icann.org/policy", null, LocalDate.parse("2021-05-01"), null);
        var comment = new AssignmentEvents.Comment(UUID.randomUUID().toString(), "alac-editor", AT,
                "Which working groups?", null);
        String engagementId = ENGAGEMENT.id();
        return List.of(
                new RecommendationEvents.Registered("6.1.1", "SO/AC Accountability", "Publish participation policies",
                        RecommendationStatus.NOT_STARTED, 0, "seed", RECOMMENDATION),
                new RecommendationEvents.StatusChanged("6.1.1", "SO/AC Accountability", "Publish participation policies",
                        RecommendationStatus.NOT_STARTED, RecommendationStatus.PLANNING, "Scoping", "org-lead", AT, 4,
                        null, RECOMMENDATION),
                new RecommendationEvents.DetailsUpdated("6.1.1", 4, "support-1", AT, "Typo", List.of("title"),
                        RECOMMENDATION),
                new RecommendationEvents.Retired("6.1.1", 4, "admin", AT, "Merged into 6.1.2", RECOMMENDATION),
                new RecommendationEvents.DependenciesChanged("6.1.1", 4, "support-1", AT, null, List.of("1.1"),
                        List.of(), RECOMMENDATION),
                new RecommendationEvents.CoordinationFlagSet("6.1.1", 4, "support-1", AT, CoordinationLevel.NONE,
                        CoordinationLevel.REQUIRED, "Every SO/AC implements it", RECOMMENDATION),
                new RecommendationEvents.EvidenceAdded("6.1.1", 4, "org-lead", AT, evidence, RECOMMENDATION),
                new RecommendationEvents.EvidenceRemoved("6.1.1", 4, "org-lead", AT, evidence.id(), RECOMMENDATION),
                new GroupEvents.Registered("ALAC", 3, "seed", AT, GROUP),
                new GroupEvents.Updated("ALAC", 3, "support-1", AT, List.of("contacts"), null, GROUP),
                new GroupEvents.Retired("ALAC", 3, "admin", AT, "Test", GROUP),
                new AssignmentEvents.Triaged("ALAC", "6.1.1", 6, "support-1", AT, null, ASSIGNMENT),
                new AssignmentEvents.TriageChanged("ALAC", "6.1.1", 6, "alac-editor", AT,
                        TriageState.SIGN_OFF_REQUESTED, TriageState.SIGNED_OFF, null, ASSIGNMENT),
                new AssignmentEvents.Prioritized("ALAC", "6.1.1", 6, "alac-editor", AT, null, ASSIGNMENT),
                new AssignmentEvents.PrioritiesApproved("ALAC", "6.1.1", 6, "alac-editor", AT, null, ASSIGNMENT),
                new AssignmentEvents.Commented("ALAC", "6.1.1", 6, "alac-editor", AT, comment, ASSIGNMENT),
                new AssignmentEvents.ProgressReported("ALAC", "6.1.1", 6, "alac-editor", AT, Progress.NOT_STARTED,
                        Progress.IN_PROGRESS, "Drafting", ASSIGNMENT),
                new AssignmentEvents.ScopeChanged("GNSO-Council", "1.1", 2, "gnso-editor", AT, AssignmentScope.GROUP,
                        AssignmentScope.CHILDREN, List.of("RySG", "RrSG"), "For the SG/Cs", DELEGATED),
                new EngagementEvents.Recorded(engagementId, 1, "support-1", AT, ENGAGEMENT),
                new EngagementEvents.Updated(engagementId, 1, "support-1", AT, List.of("title"), ENGAGEMENT),
                new EngagementEvents.Removed(engagementId, 1, "support-1", AT, ENGAGEMENT),
                new ReportEvents.EditionPublished("2021-Q2", "Q2 2021", 2, 5,
                        "https://tracker.example/reports/2021-Q2", Instant.parse("2021-07-20T09:00:00Z"),
                        "Corrected the GAC line", "WS2"));
    }

    /** Another programme's edition of a quarter WS2 has one of too: its own key and URL. */
    static ReportEvents.EditionPublished atrt3Edition() {
        return new ReportEvents.EditionPublished("2021-Q2", "Q2 2021", 1, 3,
                "https://tracker.example/reports/2021-Q2?programme=ATRT3", Instant.parse("2021-07-21T09:00:00Z"), null,
                "ATRT3");
    }

    private SampleEvents() {
    }
}
