package org.ws2.systemtests;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.ws2.localstack.Launcher;
import org.ws2.localstack.Settings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system end to end: the whole stack started by the same launcher as {@code ./ws2 start}
 * (real PostgreSQL and Kafka, the five service jars), driven only through the gateway. Ports are offset
 * by 10000 (or {@code -Dws2.system-test.port-offset}) and the data lives in a fresh folder, so a
 * developer's running stack is never touched.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndSystemIT {

    static final Path REPO = Settings.findRepo(Path.of(""));
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TRANSITIONS = "/api/recommendations/1.1/transitions";
    static final Pattern MENTIONS_1_1 = Pattern.compile("(?<![\\d.])1\\.1(?![\\d.])");

    @TempDir
    static Path home;
    static Launcher launcher;
    static URI gateway;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static String planningVersion;

    @BeforeAll
    static void startTheStack() {
        launcher = new Launcher(Settings.from(Map.of(
                "WS2_REPO_DIR", REPO.toString(),
                "WS2_HOME", home.toString(),
                // -Dws2.system-test.port-offset=... when something else on the machine holds these ports
                "WS2_PORT_OFFSET", System.getProperty("ws2.system-test.port-offset", "10000"),
                // the test's own infrastructure, whatever the environment points at
                "WS2_POSTGRES_HOST", "",
                "WS2_KAFKA_BOOTSTRAP_SERVERS", "")));
        gateway = launcher.url(Launcher.GATEWAY);
        launcher.start();
    }

    @AfterAll
    static void stopTheStack() {
        // JUnit runs this even when startTheStack failed half-way
        launcher.stop();
    }

    /**
     * Issue 8's acceptance: the Q2 2021 data loaded through the gateway with the dates it happened
     * ({@code scripts/q2-2021.calls}, the same calls {@code scripts/load-q2-2021.sh} makes); then the
     * quarterly report shows the deck's SO/AC lines, flags and engagements, and as of 1 April 2021 none
     * of them. First, because the flags must be dated before any later change of those recommendations.
     */
    @Test
    @Order(0)
    void theQ2UpdateLoadedWithItsDatesIsWhatTheQuarterlyReportSays() throws IOException {
        List<String> lines = Files.readAllLines(REPO.resolve("scripts/q2-2021.calls"));
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] call = line.split("\\|", 5);
            String at = call[0].trim(), role = call[1].trim(), method = call[2].trim(), path = call[3].trim();
            String body = call[4].trim();
            if (path.equals("/api/engagements") && get("/api/engagements?size=200", null).body()
                    .contains("\"title\":\"" + JSON.readTree(body).path("title").asString() + "\"")) {
                continue; // recorded by the engagement seed already
            }
            String dated = path.equals("/api/engagements") ? body // dated by its heldOn
                    : body.equals("{}") ? "{\"effectiveAt\":\"" + at + "\"}"
                    : "{\"effectiveAt\":\"" + at + "\"," + body.substring(1);
            String token = launcher.token(role, List.of());
            if (path.equals("/api/assignments/bulk")) {
                // The groups service learns recommendations from their events: wait until it knows them.
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertOk(post(path, token, dated)));
            } else if (method.equals("PUT")) {
                assertOk(put(path, token, dated, etag(path.substring(0, path.lastIndexOf('/')))));
            } else {
                assertOk(post(path, token, dated));
            }
        }

        List<String> deck = List.of(
                "ccNSO – has reviewed recs, established priorities and begun implementing.",
                "GAC – has reviewed recs, established priorities and begun implementing.",
                "ALAC – is reviewing and prioritizing.",
                "GNSO Council – has reviewed recs and assigned priorities.",
                "GNSO SG/Cs (CSG, NCSG, RrSG, RySG, BC, IPC, ISPCP, NCUC, NPOC) – support team has conducted initial "
                        + "triage; asked to review and sign off.",
                "ASO – support team has conducted initial triage; asked to review and sign off.",
                "RSSAC – support team has conducted initial triage; asked to review and sign off.",
                "SSAC – support team has conducted initial triage; asked to review and sign off.");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode q = JSON.readTree(get("/api/reports/quarterly/2021-Q2", null).body());
            assertThat(texts(q.path("soacWork"), "sentence")).containsExactlyInAnyOrderElementsOf(deck);
            assertThat(texts(q.path("coordinationRequired"), "id")).containsExactly("1.1", "1.7", "2.3");
            assertThat(texts(q.path("coordinationWouldBenefit"), "id")).containsExactly("3.1");
            assertThat(texts(q.path("engagements"), "title")).containsExactly("WS2-IT Meeting - 7 May 2021",
                    "ICANN Webinar on Work Stream 2 Implementation - 25 May 2021");
            assertThat(texts(q.path("links"), "url")).contains(
                    "https://community.icann.org/pages/viewpage.action?pageId=164627115",
                    "https://community.icann.org/display/IO/Webinars");
        });
        HttpResponse<String> html = send(request("/api/reports/quarterly/2021-Q2?format=html", null).GET());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        deck.forEach(sentence -> assertThat(html.body()).contains(sentence));

        JsonNode before = JSON.readTree(get("/api/reports/quarterly/2021-Q2?asOf=2021-04-01", null).body());
        assertThat(before.path("soacWork")).isEmpty();
        assertThat(before.path("coordinationRequired")).isEmpty();
        assertThat(before.path("coordinationWouldBenefit")).isEmpty();
        assertThat(before.path("engagements")).isEmpty();
        assertProblem(get("/api/reports/quarterly/2021-Q2?format=docx", null), 400);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    @Test
    @Order(1)
    void listsEveryRecommendationOfTheCatalogue() throws IOException {
        List<String> expected = ids(JSON.readTree(Files.readString(REPO.resolve("recommendations-service/src/main/resources/ws2/recommendations.json"))));
        assertThat(expected).hasSize(84).contains("1.1", "5.11", "6.4.2", "8.1.17", "8.4.8");

        HttpResponse<String> response = get("/api/recommendations?size=200", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(ids(JSON.readTree(response.body()))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    @Order(2)
    void onlySupportStaffMayMoveARecommendationAndTheChangeReachesReportsAndNotifications() {
        String body = "{\"to\":\"PLANNING\",\"note\":\"x\"}";
        // The inbox is per person: support staff follow 1.1 to hear of its changes.
        HttpResponse<String> followed = post("/api/subscriptions", launcher.token("support-staff", List.of()),
                "{\"channels\":[\"INBOX\"],\"recommendationIds\":[\"1.1\"]}");
        assertThat(followed.statusCode()).as(followed.body()).isEqualTo(201);

        assertProblem(post(TRANSITIONS, null, body), 401);
        assertProblem(post(TRANSITIONS, launcher.token("group-editor", List.of("ALAC")), body), 403);
        HttpResponse<String> moved = post(TRANSITIONS, launcher.token("support-staff", List.of()), body);
        assertThat(moved.statusCode()).as(moved.body()).isBetween(200, 299);

        HttpResponse<String> current = get("/api/recommendations/1.1", null);
        assertThat(JSON.readTree(current.body()).path("status").asString()).isEqualTo("PLANNING");
        planningVersion = version(current);

        String staff = launcher.token("support-staff", List.of());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            HttpResponse<String> summary = get("/api/reports/summary", staff);
            assertThat(summary.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(summary.body()).path("byStatus").path("PLANNING").asInt()).isGreaterThanOrEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            HttpResponse<String> notifications = get("/api/notifications", staff);
            assertThat(notifications.statusCode()).isEqualTo(200);
            assertThat(items(JSON.readTree(notifications.body())))
                    .anySatisfy(item -> assertThat(item.toString()).containsPattern(MENTIONS_1_1));
        });
    }

    @Test
    @Order(3)
    void refusesAnInvalidTransitionAndMalformedJsonWithoutChangingAnything() {
        String staff = launcher.token("support-staff", List.of());

        assertProblem4xx(post(TRANSITIONS, staff, "{\"to\":\"IMPLEMENTED\",\"note\":\"x\"}"));
        assertProblem4xx(post(TRANSITIONS, staff, "{\"to\":\"PLANNING\", \"note\":"));

        HttpResponse<String> current = get("/api/recommendations/1.1", null);
        assertThat(JSON.readTree(current.body()).path("status").asString()).isEqualTo("PLANNING");
        assertThat(version(current)).isEqualTo(planningVersion);
    }

    @Test
    @Order(4)
    void listsTheGroups() {
        HttpResponse<String> groups = get("/api/groups", null);
        assertThat(groups.statusCode()).isEqualTo(200);
        assertThat(ids(JSON.readTree(groups.body()))).contains("ccNSO", "ALAC", "GAC");

        HttpResponse<String> alac = get("/api/groups/ALAC", null);
        assertThat(alac.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(alac.body()).path("id").asString()).isEqualTo("ALAC");
    }

    /**
     * Issue 4's acceptance: the SO/AC picture of the Q2 2021 update, rebuilt through the gateway with
     * real tokens, then read back as each group's stage.
     */
    @Test
    @Order(5)
    void theQ2UpdatesSoAcPictureCanBeRebuiltThroughTheGateway() {
        List<String> groups = List.of("ccNSO", "GAC", "ALAC", "GNSO-Council", "RySG", "RrSG", "CSG", "BC", "IPC",
                "ISPCP", "NCSG", "NCUC", "NPOC", "ASO", "RSSAC", "SSAC");
        List<String> recommendations = List.of("6.1.1", "6.1.2", "6.1.3");
        String staff = launcher.token("support-staff", List.of());
        // ALAC gets a chair with an address: the sign-off request below emails the group's contacts (issue 10).
        assertOk(put("/api/groups/ALAC", staff, """
                {"name":"At-Large Advisory Committee","kind":"AC",
                 "contacts":[{"name":"ALAC Chair","email":"chair@alac.example","role":"CHAIR"}]}""", etag("/api/groups/ALAC")));
        String bulk = "{\"recommendationIds\":" + JSON.valueToTree(recommendations) + ",\"groupIds\":" + JSON.valueToTree(groups)
                + ",\"applicabilityNote\":\"SO/AC accountability good practice\"}";
        // The groups service learns recommendations from their events; a repeated bulk triage changes nothing.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> triaged = post("/api/assignments/bulk", staff, bulk);
            assertThat(triaged.statusCode()).as(triaged.body()).isEqualTo(200);
            JsonNode answer = JSON.readTree(triaged.body());
            assertThat(answer.path("created").size() + answer.path("alreadyAssigned").size()).isEqualTo(48);
        });
        for (String group : groups) {
            assertOk(post("/api/groups/" + group + "/sign-off-request", staff, "{\"note\":\"Please review and sign off\"}"));
        }
        theAlacEditorsInboxAndTheSmtpCatcherHaveTheSignOffRequest(recommendations);
        assertProblem(post("/api/groups/ccNSO/assignments/6.1.1/triage", launcher.token("group-editor", List.of("ALAC")),
                "{\"to\":\"SIGNED_OFF\"}"), 403);
        for (String group : List.of("ccNSO", "GAC", "GNSO-Council")) {
            String editor = launcher.token("group-editor", List.of(group));
            for (String id : recommendations) {
                assertOk(post("/api/groups/" + group + "/assignments/" + id + "/triage", editor, "{\"to\":\"SIGNED_OFF\"}"));
            }
            prioritize(group, recommendations);
            if (group.equals("ccNSO")) {
                anApprovalOfADraftChangedSinceItWasReadApprovesNothing(editor, recommendations);
            } else {
                assertOk(post("/api/groups/" + group + "/priorities/approval", editor,
                        approvalOfWhatIsRead(group, recommendations)));
            }
        }
        for (String group : List.of("ccNSO", "GAC")) {
            String path = "/api/groups/" + group + "/assignments/6.1.1";
            assertOk(put(path + "/progress", launcher.token("group-editor", List.of(group)),
                    "{\"progress\":\"IN_PROGRESS\",\"note\":\"Begun\"}", etag(path)));
        }
        prioritize("ALAC", recommendations);

        assertThat(stage("ccNSO")).isEqualTo("IMPLEMENTING");
        assertThat(stage("GAC")).isEqualTo("IMPLEMENTING");
        assertThat(stage("ALAC")).isEqualTo("AWAITING_SIGN_OFF");
        assertThat(JSON.readTree(get("/api/groups/ALAC/stage", null).body()).path("sentence").asString())
                .endsWith("is reviewing and prioritizing.");
        anonymousReadersSeeNoAddressNoDraftPriorityAndNoComments(staff);
        assertThat(stage("GNSO-Council")).isEqualTo("PRIORITIZED");
        for (String group : List.of("RySG", "RrSG", "CSG", "BC", "IPC", "ISPCP", "NCSG", "NCUC", "NPOC", "ASO", "RSSAC", "SSAC")) {
            assertThat(stage(group)).as(group).isEqualTo("AWAITING_SIGN_OFF");
        }
    }

    /**
     * Issue 11 item 5 through the gateway: ALAC's chair's address, its draft priorities and the comments
     * between support and ALAC are for ALAC and support, not for anonymous readers.
     */
    private void anonymousReadersSeeNoAddressNoDraftPriorityAndNoComments(String staff) {
        String path = "/api/groups/ALAC/assignments/6.1.1";
        assertThat(post(path + "/comments", staff, "{\"text\":\"Does this cover the RALOs?\"}").statusCode())
                .isEqualTo(201);

        HttpResponse<String> group = get("/api/groups/ALAC", null);
        assertThat(group.statusCode()).isEqualTo(200);
        JsonNode contact = JSON.readTree(group.body()).path("contacts").get(0);
        assertThat(contact.path("name").asString()).isEqualTo("ALAC Chair");
        assertThat(contact.path("email").isNull()).as(group.body()).isTrue();
        assertThat(group.body()).doesNotContain("chair@alac.example");

        HttpResponse<String> assignment = get(path, null);
        assertThat(assignment.statusCode()).isEqualTo(200);
        JsonNode shown = JSON.readTree(assignment.body());
        assertThat(shown.path("priorityDraft").asBoolean()).isTrue();
        assertThat(shown.path("priority").isNull()).as(assignment.body()).isTrue();
        assertThat(shown.path("effort").isNull()).isTrue();
        assertThat(shown.path("urgency").isNull()).isTrue();
        assertThat(shown.path("comments")).as(assignment.body()).isEmpty();
        assertThat(shown.path("updatedBy").isNull()).isTrue();
        assertThat(get(path + "/comments", null).statusCode()).isEqualTo(401);

        JsonNode insider = JSON.readTree(get(path, launcher.token("group-editor", List.of("ALAC"))).body());
        assertThat(insider.path("priority").asString()).isEqualTo("HIGH");
        assertThat(insider.path("comments").get(0).path("text").asString()).isEqualTo("Does this cover the RALOs?");
        assertThat(JSON.readTree(get("/api/groups/ALAC", staff).body()).path("contacts").get(0).path("email")
                .asString()).isEqualTo("chair@alac.example");
    }

    /** Issue 10's acceptance: the request reaches ALAC's editors in their inbox and ALAC's chair by email. */
    private void theAlacEditorsInboxAndTheSmtpCatcherHaveTheSignOffRequest(List<String> recommendations) {
        String alacEditor = launcher.token("group-editor", List.of("ALAC"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> inbox = get("/api/notifications?size=200", alacEditor);
            assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
            assertThat(items(JSON.readTree(inbox.body())).stream()
                    .filter(item -> item.path("kind").asString().equals("SIGN_OFF_REQUESTED"))
                    .map(item -> item.path("recommendationId").asString()))
                    .containsAll(recommendations);
        });
        HttpResponse<String> gacInbox = get("/api/notifications?size=200", launcher.token("group-editor", List.of("GAC")));
        assertThat(items(JSON.readTree(gacInbox.body()))).noneSatisfy(item ->
                assertThat(item.path("groupId").asString()).isEqualTo("ALAC"));
        URI caught = launcher.smtpCatcherUrl().resolve("/api/user/chair@alac.example/messages/INBOX/");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> mailbox = http.send(HttpRequest.newBuilder(caught).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(mailbox.statusCode()).as(mailbox.body()).isEqualTo(200);
            List<String> subjects = new ArrayList<>();
            JSON.readTree(mailbox.body()).forEach(message -> subjects.add(message.path("subject").asString()));
            assertThat(subjects).contains("[WS2] Sign-off requested: recommendation 6.1.1");
        });
    }

    /**
     * Issue 11 item 7 through the gateway: the ccNSO approver reads the drafts, another ccNSO editor then
     * changes 6.1.2; the approval naming what was read is refused (412) and approves nothing. Read again,
     * the approver approves 6.1.1 and 6.1.2 only, and 6.1.3, which it does not name, stays a draft until
     * it is approved in its turn.
     */
    private void anApprovalOfADraftChangedSinceItWasReadApprovesNothing(String editor, List<String> recommendations) {
        String approval = "/api/groups/ccNSO/priorities/approval";
        String read = approvalOfWhatIsRead("ccNSO", recommendations);
        String changed = "/api/groups/ccNSO/assignments/6.1.2";
        assertOk(put(changed + "/priority", launcher.token("group-editor", List.of("ccNSO")),
                "{\"priority\":\"MEDIUM\",\"effort\":\"MODERATE\",\"urgency\":\"MEDIUM\"}", etag(changed)));

        HttpResponse<String> refused = post(approval, editor, read);
        assertProblem(refused, 412);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("type").asString()).isEqualTo("urn:ws2:problem:stale-version");
        assertThat(problem.path("recommendationId").asString()).isEqualTo("6.1.2");
        assertThat(problem.path("currentVersion").asLong()).isEqualTo(4);
        for (String id : recommendations) {
            assertThat(priorityDraft("ccNSO", id, editor)).as(id + " still a draft").isTrue();
        }

        assertOk(post(approval, editor, approvalOfWhatIsRead("ccNSO", List.of("6.1.1", "6.1.2"))));
        assertThat(priorityDraft("ccNSO", "6.1.2", editor)).isFalse();
        assertThat(priorityDraft("ccNSO", "6.1.3", editor)).as("not named, so not approved").isTrue();
        assertOk(post(approval, editor, approvalOfWhatIsRead("ccNSO", List.of("6.1.3"))));
    }

    /** An approval naming the group's drafts at the versions they have now (their ETags), as an approver reads them. */
    private static String approvalOfWhatIsRead(String group, List<String> recommendations) {
        List<String> approve = new ArrayList<>();
        for (String id : recommendations) {
            String version = etag("/api/groups/" + group + "/assignments/" + id).replaceAll("[^0-9]", "");
            approve.add("{\"recommendationId\":\"" + id + "\",\"version\":" + version + "}");
        }
        return "{\"approve\":[" + String.join(",", approve) + "]}";
    }

    private static boolean priorityDraft(String group, String id, String token) {
        HttpResponse<String> assignment = get("/api/groups/" + group + "/assignments/" + id, token);
        assertThat(assignment.statusCode()).as(assignment.body()).isEqualTo(200);
        return JSON.readTree(assignment.body()).path("priorityDraft").asBoolean();
    }

    private void prioritize(String group, List<String> recommendations) {
        String editor = launcher.token("group-editor", List.of(group));
        for (String id : recommendations) {
            String path = "/api/groups/" + group + "/assignments/" + id;
            assertOk(put(path + "/priority", editor, "{\"priority\":\"HIGH\",\"effort\":\"MODERATE\",\"urgency\":\"MEDIUM\"}",
                    etag(path)));
        }
    }

    private static String stage(String group) {
        HttpResponse<String> stage = get("/api/groups/" + group + "/stage", null);
        assertThat(stage.statusCode()).as(stage.body()).isEqualTo(200);
        return JSON.readTree(stage.body()).path("stage").asString();
    }

    private static String etag(String path) {
        return get(path, null).headers().firstValue("ETag").orElseThrow();
    }

    private static void assertOk(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
    }

    static HttpResponse<String> put(String path, String token, String json, String ifMatch) {
        return send(request(path, token).header("Content-Type", "application/json").header("If-Match", ifMatch)
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * Issue 3's acceptance through the gateway: create 5.12, make it depend on 1.1, flag it, take it
     * to IMPLEMENTED with evidence, read its history and its state before the first move; the events
     * on the topic say the same as the answers.
     */
    @Test
    @Order(6)
    void aNewRecommendationsWholeJourneyThroughTheGateway() {
        String admin = launcher.token("admin", List.of());
        String staff = launcher.token("support-staff", List.of());
        assertProblem(post("/api/recommendations", launcher.token("group-editor", List.of("ALAC")),
                "{\"id\":\"5.12\",\"title\":\"x\",\"ownership\":\"ORG\"}"), 403);
        assertThat(post("/api/recommendations", admin, """
                {"id":"5.12","title":"Ombuds office charter review","ownership":"ORG","targetQuarter":"2021-Q4"}""")
                .statusCode()).isEqualTo(201);
        assertOk(put("/api/recommendations/5.12/dependencies/1.1", staff, "{\"note\":\"uses the baseline\"}", "\"0\""));
        assertOk(put("/api/recommendations/5.12/coordination", staff,
                "{\"level\":\"REQUIRED\",\"rationale\":\"Every SO/AC appoints to the review\"}", "\"1\""));
        String beforeFirstMove = java.time.Instant.now().toString();
        assertOk(post("/api/recommendations/5.12/transitions", staff, "{\"to\":\"PLANNING\",\"note\":\"planned\"}"));
        assertProblem(post("/api/recommendations/5.12/transitions", staff, "{\"to\":\"IN_PROGRESS\",\"note\":\"go\"}"), 409);
        assertOk(post("/api/recommendations/5.12/transitions", staff,
                "{\"to\":\"IN_PROGRESS\",\"note\":\"go\",\"overrideNote\":\"1.1 does not block the charter\"}"));
        assertOk(post("/api/recommendations/5.12/transitions", staff, "{\"to\":\"DOCUMENTING\",\"note\":\"report drafted\"}"));
        assertProblem(post("/api/recommendations/5.12/transitions", staff, "{\"to\":\"IMPLEMENTED\",\"note\":\"done\"}"), 409);
        assertThat(post("/api/recommendations/5.12/evidence", staff, """
                {"title":"Charter review report","url":"https://www.icann.org/ombudsman","date":"2021-12-15"}""")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> done = post("/api/recommendations/5.12/transitions", admin,
                "{\"to\":\"IMPLEMENTED\",\"note\":\"Board adopted the revised charter\"}");
        assertOk(done);
        assertThat(JSON.readTree(done.body()).path("publicStatusLabel").asString()).isEqualTo("Complete");

        List<String> kinds = items(JSON.readTree(get("/api/recommendations/5.12/history", null).body())).stream()
                .map(change -> change.path("kind").asString()).toList();
        assertThat(kinds).containsExactly("registered", "dependencies-changed", "coordination-flag-set", "status-changed",
                "status-changed", "status-changed", "evidence-added", "status-changed");
        JsonNode past = JSON.readTree(get("/api/recommendations/5.12?asOf=" + beforeFirstMove, null).body());
        assertThat(past.path("status").asString()).isEqualTo("NOT_STARTED");
        assertThat(past.path("coordination").path("level").asString()).isEqualTo("REQUIRED");

        List<JsonNode> events = eventsFor(List.of("5.12"), 8).get("5.12");
        assertThat(events).extracting(event -> event.path("aggregateversion").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(events).extracting(event -> event.path("type").asString().split("\\.")[3]).containsExactlyElementsOf(kinds);
        assertThat(events.get(7).path("data").path("recommendation").path("status").asString()).isEqualTo("IMPLEMENTED");
        // the public topic names nobody (docs/visibility.md); history does, for signed-in readers
        assertThat(events).allSatisfy(event -> assertThat(event.path("data").path("actor").isNull()).isTrue());
        assertThat(items(JSON.readTree(get("/api/recommendations/5.12/history", launcher.token("support-staff", List.of()))
                .body())).get(7).path("actor").asString()).isEqualTo("local-admin");
    }

    /** The events on ws2.recommendations.v1 for these keys, in topic order, once each has at least {@code atLeast}. */
    static Map<String, List<JsonNode>> eventsFor(List<String> keys, int atLeast) {
        Map<String, List<JsonNode>> events = new java.util.HashMap<>();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", launcher.settings().kafkaBootstrapServers(),
                "group.id", "system-test-" + java.util.UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "enable.auto.commit", "false"),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            consumer.subscribe(List.of("ws2.recommendations.v1"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (keys.contains(record.key())) {
                        events.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(JSON.readTree(record.value()));
                    }
                });
                return keys.stream().allMatch(key -> events.getOrDefault(key, List.of()).size() >= atLeast);
            });
        }
        return events;
    }

    @Test
    @Order(7)
    void theGatewayAnswers503WhileAServiceIsDownAndRecoversWhenItIsBack() {
        launcher.stop("recommendations-service");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertProblem(get("/api/recommendations/1.1", null), 503));

        launcher.start();

        // generous: a circuit breaker may keep the route open for a while after the service is back
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get("/api/recommendations/1.1", null).statusCode()).isEqualTo(200));
    }

    /**
     * Issue 3's outage acceptance: writes go on without Kafka, and every event follows once it is back.
     * Issue 14's: meanwhile the outbox-age metric operators alert on ({@code ws2_outbox_lag_seconds},
     * docs/metrics.md) rises, and falls back to 0 once the broker has taken the events.
     */
    @Test
    @Order(8)
    void aHundredTransitionsWhileKafkaIsStoppedAllArriveInOrderOnceItRestarts() {
        List<String> ids = List.of("7.1.1", "7.1.2", "7.2.1", "7.2.3");
        String staff = launcher.token("support-staff", List.of());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outboxAge()).isZero());
        launcher.stop(Launcher.KAFKA);

        for (int i = 0; i < 100; i++) {
            String id = ids.get(i % ids.size());
            String to = (i / ids.size()) % 2 == 0 ? "ON_HOLD" : "NOT_STARTED";
            HttpResponse<String> moved = post("/api/recommendations/" + id + "/transitions", staff,
                    "{\"to\":\"" + to + "\",\"note\":\"while Kafka is down, " + i + "\"}");
            assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        }
        // the oldest waiting event keeps ageing while the broker is away
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(outboxAge()).isGreaterThanOrEqualTo(3.0));

        launcher.start();

        // and is back to 0 once the relay has handed every event to the broker
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(outboxAge()).isZero());
        Map<String, List<JsonNode>> events = eventsFor(ids, 26);
        List<Long> expected = java.util.stream.LongStream.rangeClosed(0, 25).boxed().toList();
        // version 0 is each recommendation's registration when the catalogue was seeded
        ids.forEach(id -> assertThat(events.get(id)).extracting(event -> event.path("aggregateversion").asLong())
                .as("versions of %s, in topic order", id).containsExactlyElementsOf(expected));
    }

    @Test
    @Order(9)
    void stopLeavesNoProcessBehindAndARestartKeepsTheData() {
        List<Long> pids = launcher.processes().values().stream().flatMap(List::stream).toList();
        assertThat(launcher.processes()).containsKeys("postgres", "postgres-server", "kafka", "gateway", "recommendations-service");

        launcher.stop();

        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("pid " + pid).isEmpty());
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(home.toString())))
                .as("processes using the stack's data folder").isEmpty();

        launcher.start();

        HttpResponse<String> current = get("/api/recommendations/1.1", null);
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(current.body()).path("status").asString()).isEqualTo("PLANNING");
    }

    /**
     * Issue 13's upgrade: a stack first started before the catalogue grew from 58 to 84
     * recommendations. Its recommendations database is made to hold what the older list seeded
     * (the records only the newer list has are taken out while the service is stopped), a person's
     * correction is there, and after a restart the gateway lists all 84 with the correction kept.
     */
    @Test
    @Order(10)
    void aStackSeededFromTheOlderListListsAll84AfterARestartAndKeepsAnEarlierEdit() throws Exception {
        List<String> current = ids(JSON.readTree(Files.readString(REPO.resolve("recommendations-service/src/main/resources/ws2/recommendations.json"))));
        List<String> older = ids(JSON.readTree(Files.readString(REPO.resolve("recommendations-service/src/test/resources/catalogue-before-84/recommendations.json"))));
        List<String> onlyInTheNewerList = current.stream().filter(id -> !older.contains(id)).toList();
        assertThat(older).hasSize(58);
        assertThat(onlyInTheNewerList).hasSize(26);

        String path = "/api/recommendations/8.1.17";
        assertOk(put(path, launcher.token("support-staff", List.of()), """
                {"title":"Corrected before the upgrade","summary":"Kept across the restart","ownership":"ORG",
                 "implementers":["ICANN org"],"note":"Support staff correction"}""", etag(path)));
        String editedVersion = version(get(path, null));

        launcher.stop("recommendations-service");
        Settings settings = launcher.settings();
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(settings.jdbcUrl("ws2_recommendations"),
                settings.postgresUser(), settings.postgresPassword());
                java.sql.PreparedStatement changes = db.prepareStatement(
                        "DELETE FROM ws2_change WHERE aggregate_type = 'recommendation' AND aggregate_id = ANY (?)");
                java.sql.PreparedStatement records = db.prepareStatement("DELETE FROM recommendation WHERE id = ANY (?)")) {
            java.sql.Array ids = db.createArrayOf("text", onlyInTheNewerList.toArray());
            changes.setArray(1, ids);
            changes.executeUpdate();
            records.setArray(1, ids);
            assertThat(records.executeUpdate()).isEqualTo(26);
        }

        launcher.start();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> listed = get("/api/recommendations?size=200", null);
            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            assertThat(ids(JSON.readTree(listed.body()))).containsAll(current);
        });
        HttpResponse<String> edited = get(path, null);
        assertThat(JSON.readTree(edited.body()).path("title").asString()).isEqualTo("Corrected before the upgrade");
        assertThat(version(edited)).isEqualTo(editedVersion);
        assertThat(JSON.readTree(get("/api/recommendations/8.4.8", null).body()).path("verification").asString())
                .isEqualTo("id+topic only");
    }

    /**
     * Issue 8: a reporting consumer follows /api/events/stream through the gateway, goes away, and
     * on reconnecting with Last-Event-ID receives exactly the events it missed, then the live ones.
     */
    @Test
    @Order(11)
    void theEventStreamResumesThroughTheGatewayWithExactlyTheMissedEvents() throws Exception {
        String id = "8.1.17";
        String staff = launcher.token("support-staff", List.of());
        URI stream = gateway.resolve("/api/events/stream?types=org.ws2.recommendation.*&subject=" + id);
        String lastSeen;
        long lastVersion;
        try (Sse first = Sse.open(stream, null)) {
            assertOk(post("/api/recommendations/" + id + "/transitions", staff, "{\"to\":\"ON_HOLD\",\"note\":\"paused\"}"));
            assertOk(post("/api/recommendations/" + id + "/transitions", staff, "{\"to\":\"NOT_STARTED\",\"note\":\"back\"}"));
            List<String[]> events = first.take(2);
            lastSeen = events.get(1)[0];
            lastVersion = JSON.readTree(events.get(1)[1]).path("aggregateversion").asLong();
            assertThat(JSON.readTree(events.get(0)[1]).path("aggregateversion").asLong()).isEqualTo(lastVersion - 1);
        }
        assertOk(post("/api/recommendations/" + id + "/transitions", staff, "{\"to\":\"ON_HOLD\",\"note\":\"missed 1\"}"));
        assertOk(post("/api/recommendations/" + id + "/transitions", staff, "{\"to\":\"NOT_STARTED\",\"note\":\"missed 2\"}"));

        try (Sse again = Sse.open(stream, lastSeen)) {
            List<String[]> missed = again.take(2);
            assertThat(missed).extracting(e -> JSON.readTree(e[1]).path("aggregateversion").asLong())
                    .containsExactly(lastVersion + 1, lastVersion + 2);
            assertOk(post("/api/recommendations/" + id + "/transitions", staff, "{\"to\":\"ON_HOLD\",\"note\":\"live\"}"));
            assertThat(JSON.readTree(again.take(1).get(0)[1]).path("aggregateversion").asLong()).isEqualTo(lastVersion + 3);
        }
    }

    /**
     * Issue 14's acceptance: one transition through the gateway is one trace, from the gateway through
     * the recommendations service and its outbox to every consumer of ws2.recommendations.v1. The
     * request brings a sampled W3C {@code traceparent}, as a caller that traces would (the gateway
     * samples 10% of the rest and the services follow its decision); the change's record, read back
     * with a plain consumer, carries that trace, still sampled, and the log lines of the work in each
     * component carry its trace id. (Log levels for this: system-tests/pom.xml.)
     */
    @Test
    @Order(12)
    void oneTransitionThroughTheGatewayIsOneTraceFromTheGatewayToEveryConsumer() {
        String traceId = java.util.UUID.randomUUID().toString().replace("-", "");
        String callerSpan = traceId.substring(0, 16);
        String path = "/api/recommendations/1.2";
        HttpResponse<String> moved = send(request(path + "/transitions", launcher.token("support-staff", List.of()))
                .header("Content-Type", "application/json")
                .header("If-Match", etag(path))
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"PLANNING\",\"note\":\"one trace\"}")));
        assertOk(moved);
        long version = JSON.readTree(moved.body()).path("version").asLong();

        ConsumerRecord<String, String> record = recordOf("1.2", version);
        assertThat(header(record, "traceparent")).as("traceparent of the change's record")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");
        String eventId = JSON.readTree(record.value()).path("id").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(logLines(Launcher.GATEWAY, traceId)).as("gateway log lines of trace %s", traceId)
                    .anySatisfy(line -> assertThat(line.path("message").asString()).contains("recommendations"));
            List<JsonNode> recommendations = logLines("recommendations-service", traceId);
            assertThat(recommendations).as("recommendations-service: the change, in the request")
                    .anySatisfy(line -> assertThat(line.path("log").path("logger").asString())
                            .isEqualTo("org.ws2.service.changes.ChangeLog"));
            assertThat(recommendations).as("recommendations-service: the relay's send, later, on its own thread")
                    .anySatisfy(line -> {
                        assertThat(line.path("process").path("thread").path("name").asString()).isEqualTo("outbox-relay");
                        assertThat(line.path("message").asString()).contains(eventId);
                    });
            for (String consumer : List.of("groups-service", "reporting-service", "notifications-service")) {
                assertThat(logLines(consumer, traceId)).as("%s applying event %s in trace %s", consumer, eventId, traceId)
                        .anySatisfy(line -> assertThat(line.path("event").path("id").asString()).isEqualTo(eventId));
            }
        });
    }

    /** The record on ws2.recommendations.v1 of {@code id}'s change to {@code version}, read with a plain consumer. */
    static ConsumerRecord<String, String> recordOf(String id, long version) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", launcher.settings().kafkaBootstrapServers(),
                "group.id", "system-test-" + java.util.UUID.randomUUID(),
                "auto.offset.reset", "earliest",
                "enable.auto.commit", "false"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("ws2.recommendations.v1"));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                    if (id.equals(record.key()) && JSON.readTree(record.value()).path("aggregateversion").asLong() == version) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        org.apache.kafka.common.header.Header header = record.headers().lastHeader(name);
        assertThat(header).as("%s header of %s", name, record).isNotNull();
        return new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The lines of {@code component}'s log (ECS JSON, one object a line) whose {@code traceId} is {@code traceId}. */
    static List<JsonNode> logLines(String component, String traceId) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(launcher.settings().logFile(component))) {
            if (line.startsWith("{") && line.contains(traceId)) {
                JsonNode json = JSON.readTree(line);
                if (traceId.equals(json.path("traceId").asString())) {
                    lines.add(json);
                }
            }
        }
        return lines;
    }

    /** A minimal Server-Sent Events reader: each event as {id, data}. */
    static final class Sse implements AutoCloseable {
        final java.util.concurrent.BlockingQueue<String[]> events = new java.util.concurrent.LinkedBlockingQueue<>();
        final HttpResponse<java.util.stream.Stream<String>> response;

        private Sse(HttpResponse<java.util.stream.Stream<String>> response) {
            this.response = response;
            Thread reader = new Thread(() -> {
                String eventId = null;
                StringBuilder data = new StringBuilder();
                try {
                    for (String line : (Iterable<String>) response.body()::iterator) {
                        if (line.isEmpty()) {
                            if (!data.isEmpty()) {
                                events.add(new String[] { eventId, data.toString() });
                            }
                            eventId = null;
                            data.setLength(0);
                        } else if (line.startsWith("id:")) {
                            eventId = line.substring(3).trim();
                        } else if (line.startsWith("data:")) {
                            data.append(line.substring(5).trim());
                        }
                    }
                } catch (RuntimeException closed) {
                    // the test closed the connection
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Sse open(URI uri, String lastEventId) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<java.util.stream.Stream<String>> response = http.send(request.GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
            return new Sse(response);
        }

        List<String[]> take(int n) throws InterruptedException {
            List<String[]> taken = new ArrayList<>();
            while (taken.size() < n) {
                String[] event = events.poll(30, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(event).as("event %d of %d", taken.size() + 1, n).isNotNull();
                taken.add(event);
            }
            return taken;
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** recommendations-service's {@code ws2_outbox_lag_seconds}: the age of its oldest unpublished event, read as Prometheus does. */
    static double outboxAge() {
        URI metrics = launcher.url("recommendations-service").resolve("/actuator/prometheus");
        HttpResponse<String> scraped = send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).GET());
        assertThat(scraped.statusCode()).as(scraped.body()).isEqualTo(200);
        java.util.regex.Matcher gauge = Pattern.compile("(?m)^ws2_outbox_lag_seconds\\{[^}]*\\} (\\S+)$").matcher(scraped.body());
        assertThat(gauge.find()).as("ws2_outbox_lag_seconds in %s", metrics).isTrue();
        return Double.parseDouble(gauge.group(1));
    }

    static HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET());
    }

    static HttpResponse<String> post(String path, String token, String json) {
        HttpRequest.Builder request = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (path.endsWith("/transitions")) {
            // optimistic concurrency: a move is made from the version just read
            get(path.replace("/transitions", ""), null).headers().firstValue("ETag")
                    .ifPresent(etag -> request.header("If-Match", etag));
        }
        return send(request);
    }

    static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(gateway.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("The gateway did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.body()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    static void assertProblem4xx(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
        assertProblem(response, response.statusCode());
    }

    /** The version a client would send back: the {@code version} field, else the ETag. */
    static String version(HttpResponse<String> response) {
        JsonNode version = JSON.readTree(response.body()).get("version");
        return version != null ? version.asString() : response.headers().firstValue("ETag").orElseThrow();
    }

    /** The items of a list response, whether it is a bare array or a page object holding one. */
    static List<JsonNode> items(JsonNode body) {
        JsonNode array = body;
        if (!body.isArray()) {
            array = null;
            for (String field : List.of("content", "items", "data", "results")) {
                if (body.path(field).isArray()) {
                    array = body.get(field);
                    break;
                }
            }
            if (array == null) {
                array = body.valueStream().filter(JsonNode::isArray).findFirst()
                        .orElseThrow(() -> new AssertionError("no list in " + body));
            }
        }
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    static List<String> ids(JsonNode body) {
        return items(body).stream().map(item -> item.path("id").asString()).toList();
    }
}
