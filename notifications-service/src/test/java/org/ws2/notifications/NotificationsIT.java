package org.ws2.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.contracts.group.GroupEvents.Contact;
import org.ws2.contracts.group.GroupEvents.ContactRole;
import org.ws2.contracts.group.GroupKind;
import org.ws2.contracts.Topics;
import org.ws2.contracts.recommendation.RecommendationEvents;
import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.contracts.report.ReportEvents;
import org.ws2.notifications.TestMailServer.WithTestMailServer;
import org.ws2.notifications.schedule.Digests;
import org.ws2.notifications.subscription.Subscription.Cadence;
import org.ws2.notifications.webhook.WebhookSignature;
import org.ws2.testsupport.ServiceIntegrationTest;
import org.ws2.testsupport.TestTokens;
import org.ws2.testsupport.TopicProbe;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.sun.net.httpserver.HttpServer;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service whole: events on the real topics of an embedded broker, a real PostgreSQL, a real SMTP
 * server (GreenMail) and, for webhooks, a real HTTP receiver. Tests share the context, so each uses
 * group ids, recommendation ids and people of its own.
 */
@ServiceIntegrationTest
@WithTestMailServer
@TestPropertySource(properties = {
        "ws2.notifications.webhooks.targets.allow-http=true",
        "ws2.notifications.webhooks.targets.allow-loopback=true",
        "ws2.notifications.webhooks.retry-delays=200ms,200ms,200ms",
        "ws2.notifications.webhooks.poll-interval=100ms",
        "ws2.notifications.mail.poll-interval=100ms",
        "ws2.notifications.schedule.remind-after=3s",
        "ws2.notifications.schedule.reminder-check=FIXED_DELAY|1s",
        "ws2.notifications.schedule.polling-interval=500ms",
        "ws2.subscriptions.max-per-person=3" })
class NotificationsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    TestMailServer smtp;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Digests digests;

    // this context's own broker: another cached context (e.g. DatabaseOutageIT's) re-points the
    // spring.kafka.bootstrap-servers system property at its broker when it starts
    @Value("#{@embeddedKafka.brokersAsString}")
    String bootstrapServers;

    TestEvents events;

    @BeforeEach
    void events() {
        events = new TestEvents(kafka);
    }

    @Test
    void aSignOffRequestReachesTheGroupsEditorsAndEmailsItsContacts() throws Exception {
        events.group("ALAC-1", GroupKind.AC, 1, new Contact("Maureen", "chair@alac-1.example", ContactRole.CHAIR));
        awaitGroupKnown("ALAC-1");
        events.triageChanged("ALAC-1", "1.1", TriageState.TRIAGED, TriageState.SIGN_OFF_REQUESTED, 2, "sam");

        JsonNode notice = awaitNotice(editor("ed-1", "ALAC-1"), "SIGN_OFF_REQUESTED", "1.1");
        assertThat(notice.path("message").asString())
                .isEqualTo("Support asks ALAC-1 (test) to review and sign off recommendation 1.1 "
                        + "(Test recommendation 1.1) by sam: Please review");
        assertThat(notice.path("link").asString()).isEqualTo("/groups/ALAC-1/assignments/1.1");
        assertThat(notice.path("read").asBoolean()).isFalse();

        MimeMessage email = awaitEmail("chair@alac-1.example", "Sign-off requested: recommendation 1.1");
        assertThat(email.getFrom()[0].toString()).contains("ws2-tracker@localhost");
        String body = GreenMailUtil.getBody(email);
        assertThat(body).contains("text/plain").contains("text/html")
                .contains("Support asks ALAC-1 (test) to review and sign off recommendation 1.1")
                .contains("http://localhost:8080/groups/ALAC-1/assignments/1.1")
                .contains("http://localhost:8080/settings/notifications")
                .as("every link is to a page, never to an API path").doesNotContain("/api/");

        assertThat(kinds(editor("ed-other", "GAC-1"))).doesNotContain("SIGN_OFF_REQUESTED");
        assertThat(notices(support("sam"), "1.1")).isEmpty();
    }

    @Test
    void aTriageReachesTheGroupsEditorsAndContacts() throws Exception {
        events.group("SSAC-2", GroupKind.AC, 1, new Contact("Rod", "rod@ssac-2.example", ContactRole.VICE_CHAIR));
        awaitGroupKnown("SSAC-2");
        events.triaged("SSAC-2", "2.3", 1);

        awaitNotice(editor("ed-2", "SSAC-2"), "ASSIGNMENT_TRIAGED", "2.3");
        awaitEmail("rod@ssac-2.example", "Triaged to SSAC-2 (test): recommendation 2.3");
    }

    @Test
    void answersPrioritiesAndProgressReachSupportStaff() throws Exception {
        events.triageChanged("GNSO-3", "6.1.1", TriageState.SIGN_OFF_REQUESTED, TriageState.SIGNED_OFF, 3, "gina");
        events.triageChanged("GNSO-3", "6.1.2", TriageState.SIGN_OFF_REQUESTED, TriageState.CHANGES_REQUESTED, 3,
                "gina");

        JsonNode signedOff = awaitNotice(support("sue"), "SIGNED_OFF", "6.1.1");
        assertThat(signedOff.path("actor").asString()).isEqualTo("gina");
        awaitNotice(support("sue"), "CHANGES_REQUESTED", "6.1.2");
        awaitNotice(admin("ada"), "SIGNED_OFF", "6.1.1");
        assertThat(notices(editor("ed-3", "GNSO-3"), "6.1.1")).isEmpty();

        events.prioritized("GNSO-3", "6.1.1", 4);
        events.progressReported("GNSO-3", "6.1.1", 5);
        awaitNotice(support("sue"), "PRIORITIES_SET", "6.1.1");
        JsonNode progress = awaitNotice(support("sue"), "PROGRESS_REPORTED", "6.1.1");
        assertThat(progress.path("message").asString()).isEqualTo("GNSO-3 moved its work on recommendation "
                + "6.1.1 (Test recommendation 6.1.1) from Not started to In progress by gina: Begun");

        events.handedDown("GNSO-3", "6.1.3", 4, List.of("RySG-3", "RrSG-3"));
        JsonNode handedDown = awaitNotice(support("sue"), "TRIAGE_REVISED", "6.1.3");
        assertThat(handedDown.path("message").asString()).isEqualTo("GNSO-3 says its share of recommendation 6.1.3 "
                + "(Test recommendation 6.1.3) is handed down to RySG-3, RrSG-3 by gina: For the stakeholder groups");
    }

    @Test
    void aCoordinationFlagEmailsSoAcLeadershipOnly() throws Exception {
        events.group("CCNSO-4", GroupKind.SO, 1, new Contact("Alejandra", "chair@ccnso-4.example", ContactRole.CHAIR),
                new Contact("Member", "member@ccnso-4.example", ContactRole.MEMBER));
        awaitGroupKnown("CCNSO-4");
        events.group("FIN-4", GroupKind.ORG_FUNCTION, 1, new Contact("Xavier", "chair@fin-4.example", ContactRole.CHAIR));
        awaitGroupKnown("FIN-4");

        CloudEvent flag = events.coordinationFlagged("1.7", 5);

        MimeMessage email = awaitEmail("chair@ccnso-4.example", "Community coordination: recommendation 1.7");
        assertThat(GreenMailUtil.getBody(email)).contains("requires SO/AC community coordination and prioritization");
        assertThat(emailsTo("member@ccnso-4.example")).isEmpty();
        assertThat(emailsTo("chair@fin-4.example")).extracting(MimeMessage::getSubject)
                .doesNotContain("[WS2] Community coordination: recommendation 1.7");
        assertThat(flag.type()).isEqualTo(RecommendationEvents.COORDINATION_FLAG_SET);
    }

    @Test
    void followersOfARecommendationHearOfItsStatusChanges() throws Exception {
        subscribe(person("fay"), Map.of("channels", List.of("INBOX"), "recommendationIds", List.of("3.5")));

        events.statusChanged("3.5", 1);

        JsonNode notice = awaitNotice(person("fay"), "RECOMMENDATION_STATUS_CHANGED", "3.5");
        assertThat(notice.path("message").asString()).isEqualTo("Recommendation 3.5 (Test recommendation 3.5) "
                + "moved from Not started to Planning by alice: Kick-off with SO/AC chairs");
        assertThat(notices(person("gus"), "3.5")).isEmpty();
    }

    @Test
    void subscribersToAnEngagementKindHearOfOneRecordedInTheInboxAndByEmail() throws Exception {
        JsonNode subscription = subscribe(person("wes", "wes@example.org"), Map.of("channels",
                List.of("INBOX", "EMAIL"), "email", "WES@example.org", "engagementKinds", List.of("WEBINAR")));
        assertThat(subscription.path("emailConfirmed").asBoolean()).as("the token's own address").isTrue();

        events.webinarRecorded("WS2 Q2 2021 community webinar", "8.1.7");

        awaitNotice(person("wes"), "ENGAGEMENT_RECORDED", "8.1.7");
        awaitEmail("WES@example.org", "Webinar: WS2 Q2 2021 community webinar");
    }

    @Test
    void anEventDeliveredTwiceTellsEveryoneOnce() throws Exception {
        events.group("RSSAC-5", GroupKind.AC, 1, new Contact("Fred", "fred@rssac-5.example", ContactRole.CHAIR));
        awaitGroupKnown("RSSAC-5");
        CloudEvent triaged = events.triaged("RSSAC-5", "5.5", 1);
        events.publish(Topics.internal(Topics.ASSIGNMENTS), triaged);
        // A later event on the same partition: once it is told, the repeat before it was handled.
        events.triageChanged("RSSAC-5", "5.5", TriageState.TRIAGED, TriageState.SIGN_OFF_REQUESTED, 2, "sam");
        awaitNotice(editor("ed-5", "RSSAC-5"), "SIGN_OFF_REQUESTED", "5.5");
        awaitEmail("fred@rssac-5.example", "Sign-off requested: recommendation 5.5");

        // Kinds and subjects named: a reminder of the sign-off request may come on top meanwhile.
        assertThat(notices(editor("ed-5", "RSSAC-5"), "5.5")).extracting(n -> n.path("kind").asString())
                .containsOnlyOnce("ASSIGNMENT_TRIAGED", "SIGN_OFF_REQUESTED");
        assertThat(emailsTo("fred@rssac-5.example")).extracting(TestMailServer::subjectOf)
                .containsOnlyOnce("[WS2] Triaged to RSSAC-5 (test): recommendation 5.5",
                        "[WS2] Sign-off requested: recommendation 5.5");
    }

    @Test
    void readStateIsPerPerson() throws Exception {
        events.triaged("GAC-6", "6.6", 1);
        JsonNode notice = awaitNotice(editor("ann", "GAC-6"), "ASSIGNMENT_TRIAGED", "6.6");
        awaitNotice(editor("bob", "GAC-6"), "ASSIGNMENT_TRIAGED", "6.6");
        String id = notice.path("id").asString();

        mvc.perform(post("/api/notifications/{id}/read", id).header(HttpHeaders.AUTHORIZATION, editor("ann", "GAC-6")))
                .andExpect(status().isNoContent());

        assertThat(notices(editor("ann", "GAC-6"), "6.6").get(0).path("read").asBoolean()).isTrue();
        assertThat(notices(editor("bob", "GAC-6"), "6.6").get(0).path("read").asBoolean()).isFalse();
        // Not addressed to him: as if it did not exist.
        mvc.perform(post("/api/notifications/{id}/read", id).header(HttpHeaders.AUTHORIZATION, editor("cy", "ASO-6")))
                .andExpect(status().isNotFound());

        mvc.perform(post("/api/notifications/read-all").header(HttpHeaders.AUTHORIZATION, editor("bob", "GAC-6")))
                .andExpect(status().isOk());
        JsonNode bobs = inbox(editor("bob", "GAC-6"));
        assertThat(bobs.path("unread").asLong()).isZero();
        assertThat(bobs.path("items").get(0).path("read").asBoolean()).isTrue();
    }

    @Test
    void anOlderVersionAfterANewerOneTellsNothing() throws Exception {
        subscribe(person("olga"), Map.of("channels", List.of("INBOX"), "recommendationIds", List.of("2.904")));
        events.statusChanged("2.904", RecommendationStatus.PLANNING, RecommendationStatus.IN_PROGRESS, 2);
        // A newer id and time, an older version: what a producer bug or a stray replay could send.
        events.statusChanged("2.904", RecommendationStatus.NOT_STARTED, RecommendationStatus.PLANNING, 1);
        // A marker after both on the same partition: once it is told, the stale one was handled.
        events.statusChanged("2.904", RecommendationStatus.IN_PROGRESS, RecommendationStatus.DOCUMENTING, 3);

        await().atMost(PATIENCE).until(() -> notices(person("olga"), "2.904").size() == 2);
        assertThat(notices(person("olga"), "2.904")).extracting(n -> n.path("message").asString())
                .noneMatch(message -> message.contains("to Planning"));
    }

    @Test
    void aPoisonRecordIsParkedOnTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        try (TopicProbe deadLetters = new TopicProbe(bootstrapServers, Topics.deadLetter(Topics.internal(Topics.ASSIGNMENTS)))) {
            kafka.send(Topics.internal(Topics.ASSIGNMENTS), "poison-1", "not JSON at all").get();
            events.triaged("IPC-8", "poison-1", 1);

            assertThat(deadLetters.await("poison-1", records -> !records.isEmpty(), PATIENCE))
                    .extracting(ConsumerRecord::value).containsExactly("not JSON at all");
            awaitNotice(editor("ed-8", "IPC-8"), "ASSIGNMENT_TRIAGED", "poison-1");
        }
    }

    @Test
    void theInboxNeedsAToken() throws Exception {
        mvc.perform(get("/api/notifications")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/subscriptions")).andExpect(status().isUnauthorized());
        // the confirmation of an address is the one write without a token; the rest still needs one
        mvc.perform(post("/api/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channels\":[\"INBOX\"]}")).andExpect(status().isUnauthorized());
    }

    @Test
    void oneCannotReadOrChangeAnothersSubscription() throws Exception {
        JsonNode mine = subscribe(person("iris"), Map.of("channels", List.of("INBOX"), "groupIds", List.of("ALAC")));
        String id = mine.path("id").asString();

        for (var request : List.of(get("/api/subscriptions/{id}", id), delete("/api/subscriptions/{id}", id),
                get("/api/subscriptions/{id}/deliveries", id),
                put("/api/subscriptions/{id}", id).header(HttpHeaders.IF_MATCH, "\"1\"")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"channels\":[\"INBOX\"]}"))) {
            mvc.perform(request.header(HttpHeaders.AUTHORIZATION, person("jack"))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/subscriptions").header(HttpHeaders.AUTHORIZATION, person("jack")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));

        mvc.perform(put("/api/subscriptions/{id}", id).header(HttpHeaders.AUTHORIZATION, person("iris"))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channels\":[\"INBOX\"],\"groupIds\":[\"GAC\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.groupIds[0]").value("GAC"))
                .andExpect(jsonPath("$.version").value(2));
        mvc.perform(put("/api/subscriptions/{id}", id).header(HttpHeaders.AUTHORIZATION, person("iris"))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channels\":[\"INBOX\"]}"))
                .andExpect(status().isPreconditionFailed());
        mvc.perform(delete("/api/subscriptions/{id}", id).header(HttpHeaders.AUTHORIZATION, person("iris")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/subscriptions/{id}", id).header(HttpHeaders.AUTHORIZATION, person("iris")))
                .andExpect(status().isNotFound());
    }

    @Test
    void badSubscriptionsAreProblemsNamingTheField() throws Exception {
        expectProblem(person("kim"), "{\"channels\":[]}", 400, "channels");
        expectProblem(person("kim"), "{\"channels\":[\"EMAIL\"],\"email\":\"not an address\"}", 400, "email");
        expectProblem(person("kim"), "{\"channels\":[\"EMAIL\"]}", 400, "email");
        mvc.perform(post("/api/subscriptions").header(HttpHeaders.AUTHORIZATION, person("kim"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"kind\":\"WEBHOOK\",\"url\":\"http://127.0.0.1:1/\"}"))
                .andExpect(status().isForbidden());
        expectProblem(admin("ada"), "{\"kind\":\"WEBHOOK\",\"url\":\"ftp://example.org/\"}", 400, "url");
        mvc.perform(get("/api/subscriptions").header(HttpHeaders.AUTHORIZATION, person("kim")))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void aWebhookIsSignedRetriedAndAcknowledgedOnceWithOneWebhookId() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(Map.of("id", headers.getFirst("webhook-id"), "timestamp", headers.getFirst("webhook-timestamp"),
                    "signature", headers.getFirst("webhook-signature"), "body", body));
            exchange.sendResponseHeaders(calls.incrementAndGet() <= 2 ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            JsonNode webhook = subscribe(admin("ada"), Map.of("kind", "WEBHOOK",
                    "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                    "recommendationIds", List.of("7.7"), "eventTypes", List.of(RecommendationEvents.STATUS_CHANGED)));
            String secret = webhook.path("secret").asString();
            assertThat(secret).startsWith("whsec_");

            CloudEvent event = events.statusChanged("7.7", 1);

            String subscription = webhook.path("id").asString();
            JsonNode delivery = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                    .until(() -> deliveries(admin("ada"), subscription), list -> list.size() == 1
                            && list.get(0).path("state").asString().equals("DELIVERED")).get(0);
            assertThat(received).hasSize(3);
            assertThat(received).extracting(r -> r.get("id")).containsOnly(delivery.path("id").asString());
            for (Map<String, String> request : received) {
                // The receiver's check, per the spec: HMAC-SHA256 over "id.timestamp.body" with the decoded secret.
                assertThat(request.get("signature")).isEqualTo(WebhookSignature.sign(secret, request.get("id"),
                        Long.parseLong(request.get("timestamp")), request.get("body")));
                assertThat(json.readTree(request.get("body")).path("id").asString()).isEqualTo(event.id());
                assertThat(json.readTree(request.get("body")).path("data").path("actor").isNull())
                        .as("a webhook leaves the system: the event as the public topic has it").isTrue();
            }
            assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
            assertThat(delivery.path("attemptLog")).extracting(a -> a.path("status").asInt())
                    .containsExactly(500, 500, 200);
            assertThat(delivery.path("eventId").asString()).isEqualTo(event.id());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aWebhookThatKeepsFailingIsDisabledAndItsOwnerTold() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/down", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        receiver.start();
        try {
            JsonNode webhook = subscribe(admin("ops"), Map.of("kind", "WEBHOOK",
                    "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/down",
                    "recommendationIds", List.of("7.8")));

            events.statusChanged("7.8", 1);

            JsonNode disabled = awaitNotice(admin("ops"), "WEBHOOK_DISABLED", null);
            String id = webhook.path("id").asString();
            assertThat(disabled.path("link").asString()).as("the webhook's page, never an API path")
                    .isEqualTo("/settings/webhooks/" + id);
            assertThat(disabled.path("message").asString()).contains("resume the webhook on its page")
                    .doesNotContain("/api/");
            JsonNode stored = json.readTree(mvc.perform(get("/api/subscriptions/{id}", id)
                    .header(HttpHeaders.AUTHORIZATION, admin("ops"))).andReturn().getResponse().getContentAsString());
            assertThat(stored.path("enabled").asBoolean()).isFalse();
            assertThat(stored.path("disabledReason").asString()).contains("after 4 attempts");
            assertThat(deliveries(admin("ops"), id).get(0).path("state").asString()).isEqualTo("ABANDONED");
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void anUnansweredSignOffRequestRemindsTheGroupAndShowsAsOverdue() throws Exception {
        events.group("ASO-9", GroupKind.SO, 1, new Contact("Aiko", "aiko@aso-9.example", ContactRole.CHAIR));
        awaitGroupKnown("ASO-9");
        events.triageChanged("ASO-9", "9.9", TriageState.TRIAGED, TriageState.SIGN_OFF_REQUESTED, 2, "sam");
        awaitNotice(editor("ed-9", "ASO-9"), "SIGN_OFF_REQUESTED", "9.9");

        JsonNode reminder = awaitNotice(editor("ed-9", "ASO-9"), "SIGN_OFF_REMINDER", "9.9");
        assertThat(reminder.path("message").asString()).contains("still unanswered")
                .as("a date as people write it, not an ISO instant").doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        awaitEmail("aiko@aso-9.example", "Reminder: sign-off requested for recommendation 9.9");
        JsonNode overdue = json.readTree(mvc.perform(get("/api/notifications/overdue-sign-offs")
                .header(HttpHeaders.AUTHORIZATION, support("sue"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(overdue.findValuesAsString("assignmentId")).contains("ASO-9:9.9");
        mvc.perform(get("/api/notifications/overdue-sign-offs").header(HttpHeaders.AUTHORIZATION, editor("ed-9", "ASO-9")))
                .andExpect(status().isForbidden());

        events.triageChanged("ASO-9", "9.9", TriageState.SIGN_OFF_REQUESTED, TriageState.SIGNED_OFF, 3, "aiko");
        awaitNotice(support("sue"), "SIGNED_OFF", "9.9");
        overdue = json.readTree(mvc.perform(get("/api/notifications/overdue-sign-offs")
                .header(HttpHeaders.AUTHORIZATION, support("sue"))).andReturn().getResponse().getContentAsString());
        assertThat(overdue.findValuesAsString("assignmentId")).doesNotContain("ASO-9:9.9");
        assertThat(notices(editor("ed-9", "ASO-9"), "9.9")).extracting(n -> n.path("kind").asString())
                .containsOnlyOnce("SIGN_OFF_REMINDER");
    }

    @Test
    void anAddressNotTheOwnersGetsNothingButAConfirmationUntilItConfirms() throws Exception {
        String pia = person("pia", "pia@example.org");
        JsonNode subscription = subscribe(pia, Map.of("channels", List.of("INBOX", "EMAIL"),
                "email", "stranger-1@example.org", "recommendationIds", List.of("3.71")));
        assertThat(subscription.path("emailConfirmed").asBoolean()).isFalse();
        assertThat(subscription.has("filters")).as("the filters stay members of the subscription").isFalse();
        assertThat(subscription.path("recommendationIds").get(0).asString()).isEqualTo("3.71");
        assertThat(subscription.path("groupIds").isArray()).isTrue();

        MimeMessage confirmation = awaitEmail("stranger-1@example.org", "Confirm that you want tracker notifications");
        String token = tokenIn(GreenMailUtil.getBody(confirmation));
        assertThat(jdbc.sql("SELECT count(*) FROM email_consent WHERE token_hash = :token").param("token", token)
                .query(Long.class).single()).as("only a hash of the token is kept").isZero();

        events.statusChanged("3.71", 1);
        awaitNotice(pia, "RECOMMENDATION_STATUS_CHANGED", "3.71");
        // the notice and any email are written in one transaction: with the notice there, nothing else was queued
        assertThat(queuedTo("stranger-1@example.org")).containsExactly("[WS2] Confirm that you want tracker notifications");

        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/api/subscriptions/confirmations").contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("token", token))))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.email").value("stranger-1@example.org"))
                    .andExpect(jsonPath("$.confirmed").value(true));
        }
        mvc.perform(get("/api/subscriptions/{id}", subscription.path("id").asString()).header(HttpHeaders.AUTHORIZATION, pia))
                .andExpect(jsonPath("$.emailConfirmed").value(true));

        events.statusChanged("3.71", RecommendationStatus.PLANNING, RecommendationStatus.IN_PROGRESS, 2);
        awaitEmail("stranger-1@example.org", "Recommendation 3.71 is now In progress");
    }

    @Test
    void anUnknownOrExpiredConfirmationIsNotFound() throws Exception {
        subscribe(person("quin", "quin@example.org"), Map.of("channels", List.of("EMAIL"),
                "email", "stranger-2@example.org"));
        String token = tokenIn(jdbc.sql("SELECT text_body FROM email WHERE recipient = 'stranger-2@example.org'")
                .query(String.class).single());
        jdbc.sql("UPDATE email_consent SET token_expires_at = now() - INTERVAL '1 second' "
                + "WHERE address = 'stranger-2@example.org'").update();

        for (String sent : List.of(token, "no-such-token")) {
            mvc.perform(post("/api/subscriptions/confirmations").contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(Map.of("token", sent))))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.type").value("urn:ws2:problem:not-found"));
        }
        mvc.perform(post("/api/subscriptions/confirmations").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("token"));
    }

    @Test
    void anAddressIsSentOneConfirmationAnHourWhoeverAsks() throws Exception {
        JsonNode first = subscribe(person("rex", "rex@example.org"), Map.of("channels", List.of("EMAIL"),
                "email", "stranger-3@example.org"));
        subscribe(person("rex", "rex@example.org"), Map.of("channels", List.of("EMAIL"), "email", "Stranger-3@example.org",
                "groupIds", List.of("ALAC")));
        subscribe(person("sid"), Map.of("channels", List.of("EMAIL"), "email", "stranger-3@example.org"));
        mvc.perform(put("/api/subscriptions/{id}", first.path("id").asString())
                .header(HttpHeaders.AUTHORIZATION, person("rex", "rex@example.org"))
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channels\":[\"EMAIL\"],\"email\":\"stranger-3@example.org\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.emailConfirmed").value(false));

        assertThat(jdbc.sql("SELECT count(*) FROM email WHERE lower(recipient) = 'stranger-3@example.org'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void changingTheAddressToAnotherNeedsItsConfirmation() throws Exception {
        String tia = person("tia", "tia@example.org");
        JsonNode own = subscribe(tia, Map.of("channels", List.of("EMAIL")));
        assertThat(own.path("email").asString()).isEqualTo("tia@example.org");
        assertThat(own.path("emailConfirmed").asBoolean()).isTrue();
        assertThat(queuedTo("tia@example.org")).as("one's own address is not asked").isEmpty();

        mvc.perform(put("/api/subscriptions/{id}", own.path("id").asString()).header(HttpHeaders.AUTHORIZATION, tia)
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channels\":[\"EMAIL\"],\"email\":\"stranger-4@example.org\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("stranger-4@example.org"))
                .andExpect(jsonPath("$.emailConfirmed").value(false));
        assertThat(queuedTo("stranger-4@example.org")).containsExactly("[WS2] Confirm that you want tracker notifications");
    }

    @Test
    void anAddressTheIssuerHasNotVerifiedIsNotTakenAsTheOwnersOwn() throws Exception {
        JsonNode subscription = subscribe(PersonTokens.withUnverifiedEmail("wyn", "stranger-6@example.org"),
                Map.of("channels", List.of("EMAIL")));
        assertThat(subscription.path("email").asString()).isEqualTo("stranger-6@example.org");
        assertThat(subscription.path("emailConfirmed").asBoolean()).isFalse();
        assertThat(queuedTo("stranger-6@example.org")).containsExactly("[WS2] Confirm that you want tracker notifications");
    }

    @Test
    void aPersonHasAtMostTheConfiguredNumberOfSubscriptions() throws Exception {
        for (int i = 0; i < 3; i++) {
            subscribe(admin("uma"), Map.of("channels", List.of("INBOX"), "groupIds", List.of("G-" + i)));
        }
        mvc.perform(post("/api/subscriptions").header(HttpHeaders.AUTHORIZATION, admin("uma"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"channels\":[\"INBOX\"]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:ws2:problem:subscription-limit"))
                .andExpect(jsonPath("$.limit").value(3));
        mvc.perform(get("/api/subscriptions").header(HttpHeaders.AUTHORIZATION, admin("uma")))
                .andExpect(jsonPath("$.length()").value(3));
        // an admin's webhooks for systems are not counted
        subscribe(admin("uma"), Map.of("kind", "WEBHOOK", "url", "http://127.0.0.1:1/hook"));
    }

    @Test
    void aDigestIsNotMailedToAnAddressNotYetConfirmed() throws Exception {
        String vic = person("vic", "vic@example.org");
        JsonNode daily = subscribe(vic, Map.of("channels", List.of("EMAIL"), "cadence", "DAILY",
                "recommendationIds", List.of("4.44")));
        String id = daily.path("id").asString();
        events.statusChanged("4.44", 1);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> jdbc
                .sql("SELECT count(*) FROM digest_item WHERE subscription_id = CAST(:id AS UUID)").param("id", id)
                .query(Long.class).single() == 1);
        mvc.perform(put("/api/subscriptions/{id}", id).header(HttpHeaders.AUTHORIZATION, vic)
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"channels\":[\"EMAIL\"],\"cadence\":\"DAILY\",\"email\":\"stranger-5@example.org\"}"))
                .andExpect(status().isOk());

        digests.send(Cadence.DAILY);

        assertThat(queuedTo("stranger-5@example.org")).containsExactly("[WS2] Confirm that you want tracker notifications");
    }

    @Test
    void aCommentReachesTheOtherSideOfTheThreadNeverItsAuthor() throws Exception {
        // Sara, support, asks ALAC-20 to sign off; she has email on, following something else entirely
        String sara = person("sara", "sara@example.org");
        subscribe(sara, Map.of("channels", List.of("INBOX", "EMAIL"), "recommendationIds", List.of("0.0")));
        events.triageChanged("ALAC-20", "20.1", TriageState.TRIAGED, TriageState.SIGN_OFF_REQUESTED, 2, "sara");
        awaitNotice(editor("eddie", "ALAC-20"), "SIGN_OFF_REQUESTED", "20.1");

        // ALAC-20's editor comments
        events.commented("ALAC-20", "20.1", 3, "eddie", "Does this cover our regional leaders too?");

        JsonNode notice = awaitNotice(support("sara"), "ASSIGNMENT_COMMENTED", "20.1");
        assertThat(notice.path("link").asString()).isEqualTo("/groups/ALAC-20/assignments/20.1#thread");
        assertThat(notice.path("actor").asString()).isEqualTo("eddie");
        MimeMessage email = awaitEmail("sara@example.org", "Comment on ALAC-20's recommendation 20.1");
        assertThat(GreenMailUtil.getBody(email))
                .contains("http://localhost:8080/groups/ALAC-20/assignments/20.1#thread");
        assertThat(notices(editor("eddie", "ALAC-20"), "20.1")).extracting(n -> n.path("kind").asString())
                .as("the author is not told of their own comment").doesNotContain("ASSIGNMENT_COMMENTED");
        assertThat(notices(support("stan"), "20.1")).as("support staff who do not work with ALAC-20").isEmpty();

        // support replies: the group's editors hear of it, the author does not
        events.commented("ALAC-20", "20.1", 4, "sara", "Yes: every ALAC leadership role.");
        JsonNode reply = awaitNotice(editor("eddie", "ALAC-20"), "ASSIGNMENT_COMMENTED", "20.1");
        assertThat(reply.path("actor").asString()).isEqualTo("sara");
        // every editor of the group hears of it, whether or not this service has seen them act
        await().atMost(PATIENCE).until(() -> notices(editor("erin", "ALAC-20"), "20.1").stream()
                .anyMatch(n -> n.path("kind").asString().equals("ASSIGNMENT_COMMENTED")
                        && n.path("actor").asString().equals("sara")));
        assertThat(notices(support("sara"), "20.1")).filteredOn(n -> n.path("kind").asString()
                .equals("ASSIGNMENT_COMMENTED")).extracting(n -> n.path("actor").asString()).containsExactly("eddie");
        assertThat(notices(editor("gil", "GAC-20"), "20.1")).isEmpty();
    }

    @Test
    void aOneClickUnsubscribeFromAnEmailStopsTheNextDigest() throws Exception {
        String uli = person("uli", "uli@example.org");
        JsonNode daily = subscribe(uli, Map.of("channels", List.of("INBOX", "EMAIL"), "cadence", "DAILY",
                "recommendationIds", List.of("5.20")));
        events.statusChanged("5.20", 1);
        awaitNotice(uli, "RECOMMENDATION_STATUS_CHANGED", "5.20");
        digests.send(Cadence.DAILY);
        MimeMessage digest = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> emailsTo("uli@example.org").stream().findFirst().orElse(null), m -> m != null);

        assertThat(digest.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String header = digest.getHeader("List-Unsubscribe", null);
        assertThat(header).matches("<http://localhost:8080/api/subscriptions/unsubscribe\\?token=[A-Za-z0-9._-]+>");
        String body = GreenMailUtil.getBody(digest);
        String token = header.substring(header.indexOf("token=") + 6, header.length() - 1);
        assertThat(body).contains("http://localhost:8080/unsubscribe?token=" + token)
                .contains("http://localhost:8080/settings/notifications").doesNotContain("/api/");

        // what a mail client does (RFC 8058): POST the URL, form-encoded, nobody signed in
        mvc.perform(post(header.substring("<http://localhost:8080".length(), header.length() - 1))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unsubscribed").value(true));
        mvc.perform(get("/api/subscriptions/{id}", daily.path("id").asString()).header(HttpHeaders.AUTHORIZATION, uli))
                .andExpect(jsonPath("$.channels.length()").value(1))
                .andExpect(jsonPath("$.channels[0]").value("INBOX"));

        events.statusChanged("5.20", RecommendationStatus.PLANNING, RecommendationStatus.IN_PROGRESS, 2);
        await().atMost(PATIENCE).until(() -> notices(uli, "5.20").size() == 2);
        digests.send(Cadence.DAILY);
        assertThat(queuedTo("uli@example.org")).as("the next digest is not sent").hasSize(1);

        // a second click does no harm; a token not ours is a problem; a person's browser opening the URL gets the page
        mvc.perform(post("/api/subscriptions/unsubscribe").param("token", token)).andExpect(status().isOk());
        mvc.perform(post("/api/subscriptions/unsubscribe").param("token", daily.path("id").asString() + ".forged"))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.type").value("urn:ws2:problem:not-found"));
        mvc.perform(post("/api/subscriptions/unsubscribe")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("token"));
        mvc.perform(get("/api/subscriptions/unsubscribe").param("token", token))
                .andExpect(status().isSeeOther())
                .andExpect(header().string(HttpHeaders.LOCATION, "http://localhost:8080/unsubscribe?token=" + token));
    }

    @Test
    void aDigestListsEachItemWithTheLinkToItsOwnPage() throws Exception {
        String kit = person("kit", "kit@example.org");
        JsonNode weekly = subscribe(kit, Map.of("channels", List.of("EMAIL"), "cadence", "WEEKLY",
                "recommendationIds", List.of("5.31", "5.32")));
        events.statusChanged("5.31", 1);
        events.statusChanged("5.32", 1);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> jdbc
                .sql("SELECT count(*) FROM digest_item WHERE subscription_id = CAST(:id AS UUID)")
                .param("id", weekly.path("id").asString()).query(Long.class).single() == 2);

        digests.send(Cadence.WEEKLY);

        MimeMessage digest = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> emailsTo("kit@example.org").stream().findFirst().orElse(null), m -> m != null);
        assertThat(digest.getSubject()).startsWith("[WS2] Weekly digest");
        String text = part(digest, "text/plain");
        String html = part(digest, "text/html");
        assertThat(text).startsWith("2 things happened that you follow:");
        for (String id : List.of("5.31", "5.32")) {
            // the item's own words, then its own page: not one link for the whole digest
            assertThat(text).contains("Recommendation " + id + " (Test recommendation " + id + ") moved from Not "
                    + "started to Planning by alice: Kick-off with SO/AC chairs\nOpen it: http://localhost:8080/recommendations/"
                    + id + "\n");
            assertThat(html).contains("<a href=\"http://localhost:8080/recommendations/" + id + "\">Recommendation "
                    + id + " is now Planning</a>");
        }
        assertThat(text).contains("Unsubscribe from these emails: http://localhost:8080/unsubscribe?token=")
                .as("every link is to a page, never to an API path").doesNotContain("/api/");
    }

    @Test
    void aConfirmationsOneClickUnsubscribeCancelsThePendingEmailAndTheAddressIsNotAskedAgain() throws Exception {
        String ned = person("ned", "ned@example.org");
        JsonNode pending = subscribe(ned, Map.of("channels", List.of("INBOX", "EMAIL"),
                "email", "stranger-7@example.org", "recommendationIds", List.of("3.72")));
        String id = pending.path("id").asString();
        MimeMessage confirmation = awaitEmail("stranger-7@example.org", "Confirm that you want tracker notifications");

        assertThat(confirmation.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String header = confirmation.getHeader("List-Unsubscribe", null);
        assertThat(header).matches("<http://localhost:8080/api/subscriptions/unsubscribe\\?token=confirmation\\.[A-Za-z0-9._-]+>");
        String token = header.substring(header.indexOf("token=") + 6, header.length() - 1);
        String text = part(confirmation, "text/plain");
        assertThat(text).contains("http://localhost:8080/unsubscribe?token=" + token);
        String confirmToken = tokenIn(text);

        // what a mail client does (RFC 8058): POST the URL, form-encoded, nobody signed in
        mvc.perform(post(header.substring("<http://localhost:8080".length(), header.length() - 1))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unsubscribed").value(true));
        // the pending subscription's email is cancelled; its inbox goes on
        String etag = mvc.perform(get("/api/subscriptions/{id}", id).header(HttpHeaders.AUTHORIZATION, ned))
                .andExpect(jsonPath("$.channels.length()").value(1))
                .andExpect(jsonPath("$.channels[0]").value("INBOX"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andReturn().getResponse().getHeader(HttpHeaders.ETAG);
        // the confirmation's link no longer confirms; a second click does no harm; a forged token is a problem
        mvc.perform(post("/api/subscriptions/confirmations").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("token", confirmToken)))).andExpect(status().isNotFound());
        mvc.perform(post("/api/subscriptions/unsubscribe").param("token", token)).andExpect(status().isOk());
        mvc.perform(post("/api/subscriptions/unsubscribe").param("token", token.substring(0, token.lastIndexOf('.'))
                + ".forged")).andExpect(status().isNotFound());

        // Saving email to it again, even with the pause between two confirmations over, asks it nothing: the
        // address said no to this person. The followed recommendation's change reaches the inbox only.
        jdbc.sql("DELETE FROM confirmation_sent WHERE address = 'stranger-7@example.org'").update();
        mvc.perform(put("/api/subscriptions/{id}", id).header(HttpHeaders.AUTHORIZATION, ned)
                .header(HttpHeaders.IF_MATCH, etag).contentType(MediaType.APPLICATION_JSON)
                .content("{\"channels\":[\"INBOX\",\"EMAIL\"],\"email\":\"stranger-7@example.org\","
                        + "\"recommendationIds\":[\"3.72\"]}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.emailConfirmed").value(false));
        events.statusChanged("3.72", 1);
        awaitNotice(ned, "RECOMMENDATION_STATUS_CHANGED", "3.72");
        assertThat(queuedTo("stranger-7@example.org")).containsExactly("[WS2] Confirm that you want tracker notifications");

        // another person's subscription is theirs to ask about
        subscribe(person("ora"), Map.of("channels", List.of("EMAIL"), "email", "stranger-7@example.org"));
        assertThat(queuedTo("stranger-7@example.org")).containsExactly("[WS2] Confirm that you want tracker notifications",
                "[WS2] Confirm that you want tracker notifications");
    }

    @Test
    void anEmailToAGroupsContactsCarriesAnUnsubscribeThatStopsTheirNextOne() throws Exception {
        events.group("NRO-20", GroupKind.SO, 1, new Contact("Nia", "Nia@nro-20.example", ContactRole.CHAIR),
                new Contact("Vic", "vic@nro-20.example", ContactRole.VICE_CHAIR));
        awaitGroupKnown("NRO-20");
        events.triaged("NRO-20", "20.9", 1);
        MimeMessage email = awaitEmail("Nia@nro-20.example", "Triaged to NRO-20 (test): recommendation 20.9");

        assertThat(email.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        String header = email.getHeader("List-Unsubscribe", null);
        assertThat(header).matches("<http://localhost:8080/api/subscriptions/unsubscribe\\?token=[A-Za-z0-9._-]+>");
        String token = header.substring(header.indexOf("token=") + 6, header.length() - 1);
        assertThat(GreenMailUtil.getBody(email)).contains("http://localhost:8080/unsubscribe?token=" + token)
                .contains("http://localhost:8080/settings/notifications");

        // what a mail client does (RFC 8058): POST the URL, form-encoded, nobody signed in
        mvc.perform(post(header.substring("<http://localhost:8080".length(), header.length() - 1))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.unsubscribed").value(true));
        mvc.perform(post("/api/subscriptions/unsubscribe").param("token", token)).andExpect(status().isOk());
        mvc.perform(post("/api/subscriptions/unsubscribe").param("token", token.substring(0, token.lastIndexOf('.'))
                + ".forged")).andExpect(status().isNotFound());

        // the next contact email, and the reminder after it, go to the other contact only
        events.triageChanged("NRO-20", "20.9", TriageState.TRIAGED, TriageState.SIGN_OFF_REQUESTED, 2, "sam");
        awaitEmail("vic@nro-20.example", "Sign-off requested: recommendation 20.9");
        awaitNotice(editor("ed-20", "NRO-20"), "SIGN_OFF_REMINDER", "20.9");
        awaitEmail("vic@nro-20.example", "Reminder: sign-off requested for recommendation 20.9");
        assertThat(queuedTo("nia@nro-20.example")).as("an opted-out address gets no more contact email")
                .containsExactly("[WS2] Triaged to NRO-20 (test): recommendation 20.9");
    }

    @Test
    void followersOfReportsHearOfAPublishedEditionAndOfItsCorrection() throws Exception {
        String rhea = person("rhea", "rhea@example.org");
        subscribe(rhea, Map.of("channels", List.of("INBOX", "EMAIL"),
                "eventTypes", List.of(ReportEvents.EDITION_PUBLISHED)));
        String gwen = person("gwen", "gwen@example.org");
        subscribe(gwen, Map.of("channels", List.of("INBOX", "EMAIL"), "groupIds", List.of("ALAC-21")));

        events.editionPublished("2021-Q2", "Q2 2021", 1, 4, null);

        JsonNode published = awaitNotice(rhea, "REPORT_PUBLISHED", null);
        assertThat(published.path("message").asString()).isEqualTo("The Q2 2021 update is published.");
        assertThat(published.path("link").asString()).as("a page, never an API path").isEqualTo("/reports/2021-Q2");
        MimeMessage email = awaitEmail("rhea@example.org", "The Q2 2021 update is published");
        assertThat(GreenMailUtil.getBody(email)).contains("http://localhost:8080/reports/2021-Q2");
        assertThat(email.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(email.getHeader("List-Unsubscribe", null))
                .startsWith("<http://localhost:8080/api/subscriptions/unsubscribe?token=");

        events.editionPublished("2021-Q2", "Q2 2021", 2, 6, "Table 2 counted 6.1.1 twice.");

        await().atMost(PATIENCE).until(() -> kinds(rhea).stream().filter("REPORT_PUBLISHED"::equals).count() == 2);
        assertThat(notices(rhea, null)).extracting(n -> n.path("message").asString())
                .contains("The Q2 2021 update is corrected: Table 2 counted 6.1.1 twice.");
        awaitEmail("rhea@example.org", "The Q2 2021 update is corrected");
        assertThat(kinds(gwen)).as("following a group is not following reports").doesNotContain("REPORT_PUBLISHED");
        assertThat(queuedTo("gwen@example.org")).isEmpty();
    }

    // --- helpers ---

    static String person(String name) {
        return TestTokens.bearer(name, "reader");
    }

    /** A person whose token names their own email address (the {@code email} claim). */
    static String person(String name, String email) {
        return PersonTokens.withEmail(name, email);
    }

    private static String tokenIn(String body) {
        Matcher link = Pattern.compile("http://localhost:8080/subscriptions/confirm\\?token=([A-Za-z0-9_-]+)")
                .matcher(body);
        assertThat(link.find()).as(body).isTrue();
        return link.group(1);
    }

    /** The decoded part of that type ({@code text/plain}, {@code text/html}) of an email as received, with \n line ends. */
    private static String part(Part message, String type) throws Exception {
        if (message.isMimeType(type)) {
            return ((String) message.getContent()).replace("\r\n", "\n");
        }
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The subjects of the emails queued to an address (sent or not). */
    private List<String> queuedTo(String address) {
        return jdbc.sql("SELECT subject FROM email WHERE lower(recipient) = lower(:address) ORDER BY created_at")
                .param("address", address).query(String.class).list();
    }

    static String editor(String name, String group) {
        return TestTokens.bearer(name, "group-editor", group);
    }

    static String support(String name) {
        return TestTokens.bearer(name, "support-staff");
    }

    static String admin(String name) {
        return TestTokens.bearer(name, "admin");
    }

    /**
     * Group and assignment events travel on different topics, so nothing orders them: a test that
     * needs a group's contacts waits until the service has them.
     */
    private void awaitGroupKnown(String groupId) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> jdbc
                .sql("SELECT count(*) FROM known_group WHERE group_id = :id").param("id", groupId)
                .query(Long.class).single() == 1);
    }

    private JsonNode subscribe(String token, Map<String, Object> body) throws Exception {
        String answer = mvc.perform(post("/api/subscriptions").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(answer);
    }

    private void expectProblem(String token, String body, int status, String field) throws Exception {
        mvc.perform(post("/api/subscriptions").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.field").value(field));
    }

    private List<JsonNode> deliveries(String token, String subscription) throws Exception {
        JsonNode list = json.readTree(mvc.perform(get("/api/subscriptions/{id}/deliveries", subscription)
                .header(HttpHeaders.AUTHORIZATION, token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        List<JsonNode> items = new ArrayList<>();
        list.forEach(items::add);
        return items;
    }

    private JsonNode inbox(String token) throws Exception {
        return json.readTree(mvc.perform(get("/api/notifications").param("size", "200")
                .header(HttpHeaders.AUTHORIZATION, token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private List<JsonNode> notices(String token, String recommendationId) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        inbox(token).path("items").forEach(item -> {
            if (recommendationId == null || recommendationId.equals(item.path("recommendationId").asString(null))) {
                items.add(item);
            }
        });
        return items;
    }

    private List<String> kinds(String token) throws Exception {
        return notices(token, null).stream().map(n -> n.path("kind").asString()).toList();
    }

    private JsonNode awaitNotice(String token, String kind, String recommendationId) {
        Predicate<JsonNode> wanted = n -> n.path("kind").asString().equals(kind);
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> notices(token, recommendationId).stream().filter(wanted).findFirst().orElse(null),
                        n -> n != null);
    }

    private MimeMessage awaitEmail(String to, String subject) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> emailsTo(to).stream().filter(m -> TestMailServer.subjectOf(m).equals("[WS2] " + subject))
                        .findFirst().orElse(null), m -> m != null);
    }

    private List<MimeMessage> emailsTo(String to) {
        return smtp.received().stream().filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
