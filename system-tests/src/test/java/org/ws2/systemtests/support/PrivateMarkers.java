package org.ws2.systemtests.support;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.systemtests.support.LeakScanner.Reader.ANONYMOUS;
import static org.ws2.systemtests.support.LeakScanner.Reader.OTHER_GROUP_EDITOR;
import static org.ws2.systemtests.support.Responses.assertOk;
import static org.ws2.systemtests.support.Responses.json;

/**
 * A distinct {@link LeakScanner} marker written through the API into every private field of docs/visibility.md:
 * comment text and a reply, a draft not-applicable reason given without a note and one later replaced, contacts'
 * and members' e-mail addresses, a subscription's address, a webhook's URL and signing secret, and the writers'
 * own token subjects; and a draft priority, which has no room for a marker ({@link #DRAFT_EFFORT}). What was
 * created is kept, so that the readers can be sent to it.
 */
public final class PrivateMarkers {

    /** A draft's effort: a value of no other assignment of the planted group, so that seeing it means a leak. */
    public static final String DRAFT_EFFORT = "SIGNIFICANT";

    /** Recommendations no other journey changes: A gets a draft not-applicable judgement, B a replaced and then
     * published one, C a draft priority, D the comments. */
    public static final String A = "2.1", B = "2.2", C = "4.1.4", D = "5.9";
    public static final List<String> PLANTED_RECOMMENDATIONS = List.of(A, B, C, D);

    private final GatewayClient gateway;
    private final LeakScanner scanner;
    private final String n;
    private final String group, otherGroup, crossCommunity;
    private String engagementId, evidenceId, subscriptionId, webhookId;

    private PrivateMarkers(GatewayClient gateway, LeakScanner scanner) {
        this.gateway = gateway;
        this.scanner = scanner;
        this.n = scanner.nonce();
        this.group = "LG-" + n;
        this.otherGroup = "LO-" + n;
        this.crossCommunity = "LX-" + n;
    }

    /** Plants a marker in every private field, each hidden (in {@code scanner}) from those who must not see it. */
    public static PrivateMarkers plantedInEveryPrivateField(GatewayClient gateway, LeakScanner scanner) {
        PrivateMarkers planted = new PrivateMarkers(gateway, scanner);
        planted.plant();
        return planted;
    }

    /** The group all private values belong to. */
    public String group() {
        return group;
    }

    /** A group of the same kind, whose editor is the other group's editor reading. */
    public String otherGroup() {
        return otherGroup;
    }

    /** A cross-community structure with a member of {@link #group()}. */
    public String crossCommunity() {
        return crossCommunity;
    }

    public String engagementId() {
        return engagementId;
    }

    public String evidenceId() {
        return evidenceId;
    }

    public String subscriptionId() {
        return subscriptionId;
    }

    public String webhookId() {
        return webhookId;
    }

    /** The quarters whose reports may hold the planted data: the Q2 update's and the current one. */
    public static List<String> quarters() {
        return List.of("2021-Q2", currentQuarter());
    }

    private static String currentQuarter() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    private void plant() {
        // The writers' subjects are markers themselves: anonymous readers never see who wrote (visibility.md).
        String admin = gateway.tokenFor(scanner.plant("sub-admin", "the admin writer's sub", ANONYMOUS), "admin");
        String support = gateway.tokenFor(scanner.plant("sub-support", "the support writer's sub", ANONYMOUS),
                "support-staff");
        String editor = gateway.tokenFor(scanner.plant("sub-editor", "the group editor writer's sub", ANONYMOUS),
                "group-editor", group);
        // Comment authors are for the group and support only; each of these two writes nothing but a comment.
        String commenter = gateway.tokenFor(scanner.plant("sub-commenter", "a comment author's sub (group editor)",
                ANONYMOUS, OTHER_GROUP_EDITOR), "group-editor", group);
        String supportCommenter = gateway.tokenFor(scanner.plant("sub-replier",
                "a comment author's sub (support staff)", ANONYMOUS, OTHER_GROUP_EDITOR), "support-staff");

        String contactEmail = scanner.plant("contact", "a group contact's e-mail", ANONYMOUS, OTHER_GROUP_EDITOR)
                + "@example.org";
        String memberEmail = scanner.plant("member", "a cross-community member's e-mail", ANONYMOUS,
                OTHER_GROUP_EDITOR) + "@example.org";
        created(gateway.post("/api/groups", admin, "{\"id\":\"" + group + "\",\"name\":\"Leak test group " + n
                + "\",\"kind\":\"GNSO_C\",\"contacts\":[{\"name\":\"Leak Liaison\",\"email\":\"" + contactEmail
                + "\",\"role\":\"LIAISON\"}]}"));
        created(gateway.post("/api/groups", admin, "{\"id\":\"" + otherGroup + "\",\"name\":\"Leak test other group "
                + n + "\",\"kind\":\"GNSO_C\"}"));
        created(gateway.post("/api/groups", admin, "{\"id\":\"" + crossCommunity + "\",\"name\":\"Leak test structure "
                + n + "\",\"kind\":\"CROSS_COMMUNITY\",\"members\":[{\"groupId\":\"" + group
                + "\",\"name\":\"Leak Member\",\"email\":\"" + memberEmail + "\",\"role\":\"MEMBER\"}]}"));

        for (String recommendation : PLANTED_RECOMMENDATIONS) {
            created(gateway.post("/api/assignments", support, "{\"groupId\":\"" + group + "\",\"recommendationId\":\""
                    + recommendation + "\",\"applicabilityNote\":\"Assigned by the leak test\"}"));
        }
        String assignments = "/api/groups/" + group + "/assignments/";

        // A: a draft not-applicable reason, given without a note (so the history step's note would be the reason)
        String draftReason = scanner.plant("na-draft", "a draft not-applicable reason", ANONYMOUS, OTHER_GROUP_EDITOR);
        prioritize(editor, assignments + A, "{\"priority\":\"NOT_APPLICABLE\",\"notApplicableReason\":\""
                + draftReason + "\"}");

        // B: a reason replaced by another, which the group then signs off and approves: only the last is published
        String replacedReason = scanner.plant("na-replaced", "a replaced not-applicable reason", ANONYMOUS,
                OTHER_GROUP_EDITOR);
        prioritize(editor, assignments + B, "{\"priority\":\"NOT_APPLICABLE\",\"notApplicableReason\":\""
                + replacedReason + "\"}");
        prioritize(editor, assignments + B, "{\"priority\":\"NOT_APPLICABLE\",\"notApplicableReason\":\""
                + "Outside the remit of the leak test group " + n + "\"}");
        assertOk(gateway.post(assignments + B + "/triage", support, "{\"to\":\"SIGN_OFF_REQUESTED\"}"));
        assertOk(gateway.post(assignments + B + "/triage", editor, "{\"to\":\"SIGNED_OFF\",\"note\":\"Agreed\"}"));
        String version = gateway.etag(assignments + B).replace("\"", "").replace("W/", "");
        assertOk(gateway.post("/api/groups/" + group + "/priorities/approval", editor,
                "{\"approve\":[{\"recommendationId\":\"" + B + "\",\"version\":" + version + "}]}"));

        // C: a draft priority : effort : urgency; enums carry no marker, so PrivacyLeakSystemIT's
        // checkDraftPriorityHidden looks at them
        prioritize(editor, assignments + C, "{\"priority\":\"MEDIUM\",\"effort\":\"" + DRAFT_EFFORT
                + "\",\"urgency\":\"LOW\"}");

        // The recommendation side: evidence (addedBy) and an engagement (createdBy) record the support writer.
        HttpResponse<String> evidence = gateway.post("/api/recommendations/" + A + "/evidence", support,
                "{\"title\":\"Leak test link " + n + "\",\"url\":\"https://example.org/leak-test\",\"date\":\"2026-01-05\"}");
        created(evidence);
        evidenceId = json(evidence).path("id").asString();
        HttpResponse<String> engagement = gateway.post("/api/engagements", support, "{\"kind\":\"WEBINAR\",\"title\":"
                + "\"Leak test webinar " + n + "\",\"heldOn\":\"" + LocalDate.now(ZoneOffset.UTC) + "\","
                + "\"recommendationIds\":[\"" + A + "\"]}");
        created(engagement);
        engagementId = json(engagement).path("id").asString();

        // Notifications: a person's address and an admin's webhook (its URL, and the secret the answer gives once).
        String subscriptionEmail = scanner.plant("subscription", "a subscription's e-mail", ANONYMOUS,
                OTHER_GROUP_EDITOR) + "@example.org";
        HttpResponse<String> subscription = gateway.post("/api/subscriptions",
                gateway.tokenFor("subscriber-" + n, "support-staff"), "{\"channels\":[\"INBOX\",\"EMAIL\"],\"email\":\""
                        + subscriptionEmail + "\",\"groupIds\":[\"" + group + "\"]}");
        created(subscription);
        subscriptionId = json(subscription).path("id").asString();
        String hookPath = scanner.plant("webhook", "a webhook's URL", ANONYMOUS, OTHER_GROUP_EDITOR);
        HttpResponse<String> webhook = gateway.post("/api/subscriptions", admin, "{\"kind\":\"WEBHOOK\",\"url\":"
                + "\"http://127.0.0.1:9/" + hookPath + "\",\"groupIds\":[\"" + group + "\"]}");
        created(webhook);
        webhookId = json(webhook).path("id").asString();
        Matcher secret = Pattern.compile("whsec_[A-Za-z0-9+/=_-]+").matcher(webhook.body());
        assertThat(secret.find()).as("the webhook's signing secret in " + webhook.body()).isTrue();
        scanner.watch(secret.group(), "a webhook's signing secret", ANONYMOUS, OTHER_GROUP_EDITOR);

        // D: a comment and a reply, last, so that their events are the last of this journey on the topics
        String commentText = scanner.plant("comment", "a comment's text", ANONYMOUS, OTHER_GROUP_EDITOR);
        String replyText = scanner.plant("reply", "a reply's text", ANONYMOUS, OTHER_GROUP_EDITOR);
        HttpResponse<String> comment = gateway.post(assignments + D + "/comments", commenter,
                "{\"text\":\"" + commentText + "\"}");
        created(comment);
        created(gateway.post(assignments + D + "/comments", supportCommenter,
                "{\"text\":\"" + replyText + "\",\"replyTo\":\"" + json(comment).path("id").asString() + "\"}"));

        // The markers really are there for those who may see them: else finding none would prove nothing.
        assertThat(gateway.get(assignments + D + "/comments", editor).body()).contains(commentText, replyText);
        assertThat(gateway.get("/api/groups/" + group, editor).body()).contains(contactEmail);
        assertThat(gateway.get("/api/groups/" + crossCommunity, support).body()).contains(memberEmail);
        assertThat(gateway.get(assignments + A, editor).body()).contains(draftReason);
        assertThat(gateway.get(assignments + B + "/history", editor).body()).contains(replacedReason);
        assertThat(gateway.get("/api/subscriptions/" + subscriptionId, gateway.tokenFor("subscriber-" + n,
                "support-staff")).body()).contains(subscriptionEmail);
    }

    private void prioritize(String editor, String assignment, String body) {
        assertOk(gateway.put(assignment + "/priority", editor, body, gateway.etag(assignment)));
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().uri() + " " + response.body()).isBetween(200, 201);
    }
}
