package org.ws2.systemtests.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;
import org.ws2.systemtests.support.BrowserStack;
import org.ws2.systemtests.support.GatewayClient;
import org.ws2.systemtests.support.Mailbox;
import org.ws2.systemtests.support.Mailbox.Email;
import org.ws2.systemtests.support.StackDatabase;
import org.ws2.systemtests.support.SystemStack;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ws2.systemtests.support.Responses.assertOk;
import static org.ws2.systemtests.support.Responses.items;
import static org.ws2.systemtests.support.Responses.json;

/**
 * Issue 20 item 7: the journeys that leave the tracker by email (or an inbox notice, or the editions' feed) and come
 * back by its link, in a real headless Chromium on the browser stack. Each email is read from the stack's SMTP catcher
 * as its recipient gets it, and the link followed is the one it carries, never a path the test knows; a link is done
 * when the browser got its page with 200 and the page names the thing. ALAC's chair ({@value #CHAIR}) gets most of
 * them; support staff ({@value #SUPPORT}) the comment's.
 * <p>
 * After {@link BrowserJourneysIT} on the same stack ({@link BrowserStack}): its counts need the catalogue untouched, so
 * these journeys come second and stay outside topic 6 (in topic 1), and only add to ALAC what keeps its checks true
 * when run alone too (1.1 and 1.5 end signed off, as ALAC's topic 6 does there). The stack sends sign-off reminders
 * and gives up on a failing webhook within seconds, not days (system-tests/pom.xml).
 */
@ExtendWith(BrowserStack.class)
@Order(2)
class EmailLinkJourneysIT {

    static final Duration LIVE = Duration.ofSeconds(20);
    static final Duration MAIL = Duration.ofSeconds(30);
    static final String CHAIR = "chair@alac.example";
    static final String SUPPORT = "sam@support.example";
    static final String ALAC = "At-Large Advisory Committee";

    private SystemStack stack;
    private GatewayClient gateway;
    private Browser browser;
    /** ALAC's chair, an editor of ALAC with a token, who is also its contact. */
    private Subscriber chair;

    @BeforeEach
    void openABrowserAndGiveAlacAChair(SystemStack stack, GatewayClient gateway) {
        this.stack = stack;
        this.gateway = gateway;
        browser = new Browser(stack.gatewayUrl());
        chair = new Subscriber(stack, gateway, browser, "ALAC Chair", "group-editor", List.of("ALAC"), CHAIR);
        giveAChair("ALAC", CHAIR);
    }

    /** The emails to a group go to its contacts (docs/notifications.md): its chair gets an address. */
    private void giveAChair(String groupId, String address) {
        String staff = gateway.token("support-staff");
        JsonNode group = json(gateway.get("/api/groups/" + groupId, staff));
        if (!group.path("contacts").toString().contains(address)) {
            assertOk(gateway.put("/api/groups/" + groupId, staff, """
                    {"name":"%s","kind":"%s","contacts":[{"name":"%s Chair","email":"%s","role":"CHAIR"}]}"""
                    .formatted(group.path("name").asString(), group.path("kind").asString(), groupId, address),
                    gateway.etag("/api/groups/" + groupId)));
        }
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /**
     * Support asks ALAC to sign off 1.1; the chair's email links to the assignment, where ALAC's editor signs off while
     * the group's page, open elsewhere, shows ALAC's new stage by itself. The editor's comment there reaches support by
     * email and in the inbox, and both links open the thread with the comment.
     */
    @Test
    void aSignOffRequestEmailLeadsToTheSignOffAndTheCommentBackToSupport() {
        Subscriber sam = new Subscriber(stack, gateway, browser, "Sam Support", "support-staff", List.of(), SUPPORT);
        // support follows the groups it works with, by email: a comment addressed to it is emailed as this says
        sam.subscribe("""
                {"channels":["INBOX","EMAIL"],"cadence":"IMMEDIATE","groupIds":["ALAC"]}""");
        sam.signIn();
        browser.open("/workspace");
        browser.find(By.id("bt-prefix")).sendKeys("1.1");
        browser.find(By.id("bt-kind-AC")).click();
        browser.find(By.id("bt-note")).sendKeys("Every AC reviews its own accountability");
        browser.find(By.xpath("//button[text()='Triage']")).click();
        // 1.1 (it has no 1.1.x) × ALAC, GAC, RSSAC and SSAC
        assertThat(browser.await(LIVE, d -> d.findElement(By.cssSelector("[data-testid=triage-result]"))).getText())
                .startsWith("Triaged 4 new assignments");
        browser.open("/groups/ALAC/assignments/1.1");
        browser.find(By.id("support-note")).sendKeys("Please review before the ALAC call");
        browser.find(By.xpath("//button[text()='Request sign-off']")).click();
        browser.await(LIVE, d -> d.findElement(By.cssSelector("[data-testid=triage]")).getText().equals("Sign-off requested"));
        browser.screenshot("email-01-support-requested-sign-off-1.1");

        // the group's page, left open: it follows ALAC's stage without a reload
        browser.open("/groups/ALAC");
        browser.await(LIVE, d -> "AWAITING_SIGN_OFF".equals(stage().getAttribute("data-stage")));
        browser.markDocument();
        String groupPage = browser.driver.getWindowHandle();
        browser.screenshot("email-02-alac-awaiting-sign-off");
        // and the overview, left open in another tab: its SO/AC stages follow ALAC's too
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.open("/");
        browser.await(LIVE, d -> "AWAITING_SIGN_OFF".equals(overviewStage().getAttribute("data-stage")));
        browser.markDocument();
        String overview = browser.driver.getWindowHandle();

        Email request = chair.mailbox.awaitSubject(MAIL, "[WS2] Sign-off requested: recommendation 1.1");
        assertThat(request.text()).contains("Support asks " + ALAC + " to review and sign off recommendation 1.1");
        String link = request.link("/groups/ALAC/assignments/1.1");

        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.signIn("Alice ALAC", "group-editor", List.of("ALAC"));
        opens(link, "1.1");
        browser.screenshot("email-03-assignment-from-the-chairs-email");
        browser.assertAccessible();
        browser.find(By.id("signoff-note")).sendKeys("Reviewed by the ALAC");
        browser.find(By.xpath("//button[text()='Sign off']")).click();
        browser.await(LIVE, d -> d.findElement(By.cssSelector("[data-testid=triage]")).getText().equals("Signed off"));

        browser.driver.switchTo().window(groupPage);
        browser.await(LIVE, d -> "REVIEWED".equals(stage().getAttribute("data-stage")));
        assertThat(browser.sameDocument()).as("updated in place, not reloaded").isTrue();
        assertThat(stage().getText()).contains("has reviewed recs");
        browser.screenshot("email-04-alac-stage-updated-live");

        browser.driver.switchTo().window(overview);
        browser.await(LIVE, d -> "REVIEWED".equals(overviewStage().getAttribute("data-stage")));
        assertThat(browser.sameDocument()).as("the overview updated in place, not reloaded").isTrue();
        // the reports' sentence for the stage (ALAC's approved priorities add "and is prioritizing")
        assertThat(overviewStage().findElement(By.cssSelector("[data-testid=stage-sentence]")).getText())
                .startsWith("has reviewed recs");
        browser.screenshot("email-05-overview-alac-stage-updated-live");

        aCommentOnThatPageReachesSupportByEmailAndInTheInbox(link, sam);
    }

    /** ALAC's line among the overview's SO/AC stages. */
    private WebElement overviewStage() {
        return browser.find(By.cssSelector("#live li[data-group=ALAC]"));
    }

    private void aCommentOnThatPageReachesSupportByEmailAndInTheInbox(String assignmentLink, Subscriber sam) {
        String comment = "Does this cover the RALOs' own reviews?";
        browser.driver.get(assignmentLink);
        browser.find(By.id("comment-text")).sendKeys(comment);
        browser.find(By.xpath("//button[text()='Comment']")).click();
        browser.await(LIVE, d -> d.findElement(By.id("thread")).getText().contains(comment));

        // support staff who asked ALAC for the sign-off hear of it: by email, as their subscription says
        sam.signIn();
        String subject = "Comment on " + ALAC + "'s recommendation 1.1";
        String thread = sam.mailbox.awaitSubject(MAIL, "[WS2] " + subject).link("/groups/ALAC/assignments/1.1");
        assertThat(thread).endsWith("#thread");
        opens(thread, "1.1");
        assertThat(browser.find(By.id("thread")).getText()).contains(comment, "Alice ALAC");
        browser.screenshot("email-05-thread-from-supports-email");

        // and in the inbox, whose notice opens the same thread
        browser.open("/inbox");
        WebElement notice = awaitNotice(subject);
        browser.screenshot("email-06-support-inbox-with-the-comment");
        browser.assertAccessible();
        notice.click();
        browser.await(LIVE, d -> d.getCurrentUrl().endsWith("/groups/ALAC/assignments/1.1#thread"));
        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.find(By.id("thread")).getText()).contains(comment, "Alice ALAC");
        browser.screenshot("email-07-thread-from-the-inbox");
    }

    /**
     * A sign-off request left unanswered for two weeks (support enters it with the day it was made) is reminded: the
     * chair's reminder links to the assignment, where ALAC's editor signs off.
     */
    @Test
    void aSignOffReminderLeadsToTheAssignmentWhereTheGroupSignsOff() {
        String staff = gateway.token("support-staff");
        Instant asked = Instant.now().minus(14, ChronoUnit.DAYS);
        assertOk(gateway.post("/api/assignments", staff, """
                {"groupId":"ALAC","recommendationId":"1.5","effectiveAt":"%s"}""".formatted(asked.minus(1, ChronoUnit.HOURS))));
        assertOk(gateway.post("/api/groups/ALAC/assignments/1.5/triage", staff, """
                {"to":"SIGN_OFF_REQUESTED","note":"Please review","effectiveAt":"%s"}""".formatted(asked)));

        Email reminder = chair.mailbox.awaitSubject(MAIL, "[WS2] Reminder: sign-off requested for recommendation 1.5");
        assertThat(reminder.text()).contains("to review and sign off recommendation 1.5", "still unanswered");
        browser.signIn("Alice ALAC", "group-editor", List.of("ALAC"));
        opens(reminder.link("/groups/ALAC/assignments/1.5"), "1.5");
        assertThat(browser.find(By.cssSelector("[data-testid=triage]")).getText()).isEqualTo("Sign-off requested");
        browser.screenshot("email-08-assignment-from-the-reminder");
        browser.find(By.id("signoff-note")).sendKeys("Reviewed at last");
        browser.find(By.xpath("//button[text()='Sign off']")).click();
        browser.await(LIVE, d -> d.findElement(By.cssSelector("[data-testid=triage]")).getText().equals("Signed off"));
    }

    /**
     * Support records an engagement and flags a recommendation in the browser; every link of the emails ALAC's chair
     * gets about them answers, and the one to the thing opens a page that names it. GAC's chair unsubscribes from the
     * flag's email with one click, as a mail client does, and gets no more flags.
     */
    @Test
    void everyLinkInTheChairsEmailsAboutAnEngagementAndAFlagAnswers() throws IOException, InterruptedException, SQLException {
        giveAChair("GAC", "chair@gac.example");
        chair.subscribe("""
                {"channels":["EMAIL"],"cadence":"IMMEDIATE","engagementKinds":["WEBINAR"]}""");
        browser.signIn("Sam Support", "support-staff", List.of());
        String title = "ALAC webinar on SO/AC accountability " + System.nanoTime();
        browser.open("/engagements");
        new Select(browser.find(By.id("record-kind"))).selectByValue("WEBINAR");
        browser.setValue(By.id("record-heldOn"), LocalDate.now().toString());
        browser.find(By.id("record-title")).sendKeys(title);
        browser.find(By.id("record-recommendationIds")).sendKeys("1.3");
        browser.find(By.xpath("//button[text()='Record']")).click();
        browser.await(LIVE, d -> d.getCurrentUrl().matches(".*/engagements/[^/?#]+$"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(title);
        browser.screenshot("email-09-engagement-recorded");

        browser.open("/recommendations/1.3");
        Select level = new Select(browser.find(By.id("coordination-level")));
        String flag = level.getFirstSelectedOption().getAttribute("value").equals("REQUIRED") ? "WOULD_BENEFIT" : "REQUIRED";
        level.selectByValue(flag);
        browser.find(By.id("coordination-rationale")).sendKeys("Every SO and AC reviews its accountability");
        browser.find(By.xpath("//button[text()='Save the flag']")).click();
        browser.await(LIVE, d -> new Select(d.findElement(By.id("coordination-level"))).getFirstSelectedOption()
                .getAttribute("value").equals(flag));
        browser.screenshot("email-10-recommendation-1.3-flagged");

        Email engagement = chair.mailbox.awaitSubject(MAIL, "[WS2] Webinar: " + title);
        everyLinkAnswersAndTheFirstNames(engagement, "/engagements/", title, "engagement");
        // a coordination flag is for every SO and AC chair (docs/notifications.md), subscribed or not
        String flagged = "[WS2] Community coordination: recommendation 1.3";
        Mailbox gacChair = new Mailbox(stack, "chair@gac.example");
        for (Mailbox chairs : List.of(chair.mailbox, gacChair)) {
            Email email = chairs.awaitSubject(MAIL, flagged);
            assertThat(email.text()).contains("Every SO and AC reviews its accountability");
            everyLinkAnswersAndTheFirstNames(email, "/recommendations/1.3", "1.3", "flag");
        }

        // RFC 8058: GAC's chair's mail client posts the header's URL through the gateway, nobody signed in
        String oneClick = gacChair.awaitSubject(MAIL, flagged).listUnsubscribe().orElseThrow();
        HttpResponse<String> unsubscribed = PERSON.send(HttpRequest.newBuilder(URI.create(oneClick)).timeout(MAIL)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unsubscribed.statusCode()).as(unsubscribed.body()).isEqualTo(200);
        // the next flag reaches ALAC's chair, written in the same transaction as anything to GAC's: GAC's got none
        String again = flag.equals("REQUIRED") ? "WOULD_BENEFIT" : "REQUIRED";
        assertOk(gateway.put("/api/recommendations/1.3/coordination", gateway.token("support-staff"), """
                {"level":"%s","rationale":"A second look at 1.3"}""".formatted(again), gateway.etag("/api/recommendations/1.3")));
        chair.mailbox.awaitOne(MAIL, email -> email.subject().equals(flagged) && email.text().contains("A second look at 1.3"));
        assertThat(new StackDatabase(stack, "ws2_notifications").strings(
                "SELECT count(*) FROM email WHERE recipient = ? AND subject = ?", "chair@gac.example", flagged))
                .containsExactly("1");
        assertThat(gacChair.all()).filteredOn(email -> email.subject().equals(flagged)).hasSize(1);
    }

    /** As a person's browser opens a link: where a page sends it on (to sign in) is where it ends up. */
    private static final HttpClient PERSON = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    private void everyLinkAnswersAndTheFirstNames(Email email, String thingPath, String name, String shot)
            throws IOException, InterruptedException {
        assertThat(email.links()).as(email.text()).hasSizeGreaterThanOrEqualTo(2);
        for (String link : email.links()) {
            // the unsubscribe page's link too: opening it only asks (link checkers follow links)
            HttpResponse<String> page = PERSON.send(HttpRequest.newBuilder(URI.create(link)).header("Accept", "text/html")
                    .timeout(MAIL).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(link).isEqualTo(200);
        }
        opens(email.link(thingPath), name);
        browser.screenshot("email-11-" + shot + "-link-from-the-chairs-email");
    }

    /**
     * An edition published: the chair's email and inbox notice open its page, and so does its entry in the editions'
     * Atom feed.
     */
    @Test
    void anEditionsEmailNoticeAndFeedEntryOpenItsPage() throws IOException, InterruptedException {
        chair.subscribe("""
                {"channels":["INBOX","EMAIL"],"cadence":"IMMEDIATE","eventTypes":["org.ws2.report.edition-published.v1"]}""");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int q = (today.getMonthValue() - 1) / 3 + 1;
        String quarter = today.getYear() + "-Q" + q;
        String label = "Q" + q + " " + today.getYear();
        String editions = "/api/reports/editions/" + quarter;
        HttpResponse<String> drafted = gateway.send(gateway.request(editions, gateway.token("support-staff"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(201);
        assertOk(gateway.post(editions + "/review", gateway.token("support-staff"), "{}"));
        assertOk(gateway.post(editions + "/publish", gateway.token("admin"), "{}"));

        String published = "The " + label + " update is published";
        Email email = chair.mailbox.awaitSubject(MAIL, "[WS2] " + published);
        opens(email.link("/reports/" + quarter), label);
        browser.screenshot("email-12-edition-from-the-chairs-email");

        chair.signIn();
        browser.open("/inbox");
        awaitNotice(published).click();
        browser.await(LIVE, d -> d.getCurrentUrl().endsWith("/reports/" + quarter));
        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.find(By.tagName("h1")).getText()).contains(label);

        HttpResponse<String> feed = gateway.send(gateway.request("/reports/editions.atom", null)
                .setHeader("Accept", "application/atom+xml").GET());
        assertThat(feed.statusCode()).as(feed.body()).isEqualTo(200);
        Matcher entry = Pattern.compile("<link rel=\"alternate\" href=\"([^\"]+/reports/" + quarter + ")\"").matcher(feed.body());
        assertThat(entry.find()).as(feed.body()).isTrue();
        opens(entry.group(1), label);
        browser.screenshot("email-13-edition-from-the-feed");
    }

    /**
     * The chair follows 1.6 by email and an admin's webhook follows it too, to a receiver that never answers: a status
     * change and evidence reach the chair, each email opening the recommendation; the webhook is given up, and the
     * notice telling its admin opens the webhook's page, paused, with its deliveries.
     */
    @Test
    void statusChangeAndEvidenceEmailsAndAWebhooksNoticeOpenTheirPages() {
        chair.subscribe("""
                {"channels":["EMAIL"],"cadence":"IMMEDIATE","recommendationIds":["1.6"]}""");
        String admin = "Ada Admin";
        String hook = "http://127.0.0.1:9/ws2-journey-hook"; // the discard port: nothing listens on it
        HttpResponse<String> webhook = gateway.post("/api/subscriptions", gateway.tokenFor(admin, "admin"), """
                {"kind":"WEBHOOK","url":"%s","recommendationIds":["1.6"]}""".formatted(hook));
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(201);
        String staff = gateway.token("support-staff");
        assertOk(gateway.post("/api/recommendations/1.6/transitions", staff, "{\"to\":\"PLANNING\",\"note\":\"Scoping\"}"));
        String evidence = "Diversity survey plan " + System.nanoTime();
        assertOk(gateway.post("/api/recommendations/1.6/evidence", staff, """
                {"title":"%s","url":"https://example.org/ws2/1.6","date":"%s"}""".formatted(evidence, LocalDate.now())));

        opens(chair.mailbox.awaitSubject(MAIL, "[WS2] Recommendation 1.6 is now Planning").link("/recommendations/1.6"), "1.6");
        Email added = chair.mailbox.awaitSubject(MAIL, "[WS2] Evidence added to recommendation 1.6");
        assertThat(added.text()).contains(evidence);
        opens(added.link("/recommendations/1.6"), "1.6");
        assertThat(browser.find(By.tagName("main")).getText()).contains(evidence);
        browser.screenshot("email-14-evidence-from-the-chairs-email");

        browser.signIn(admin, "admin", List.of());
        browser.open("/inbox");
        awaitNotice("Webhook disabled").click();
        String id = json(webhook).path("id").asString();
        browser.await(LIVE, d -> d.getCurrentUrl().endsWith("/settings/webhooks/" + id));
        assertThat(browser.status()).isEqualTo(200);
        assertThat(browser.find(By.tagName("h1")).getText()).contains(hook);
        assertThat(browser.find(By.tagName("main")).getText()).contains("Paused", "Given up");
        browser.screenshot("email-15-webhook-from-the-admins-notice");
    }

    /**
     * The chair follows 1.4 in a daily digest. A digest arrives, its item linking to 1.4's page; unsubscribing from its
     * link stops the next one: the next change of 1.4 reaches the chair's inbox, and digests run after it, but none is
     * sent. The stack makes digests due every few seconds (system-tests/pom.xml: WS2_NOTIFICATIONS_SCHEDULE_DAILYDIGEST).
     */
    @Test
    void anUnsubscribeLinkStopsTheNextDigest() throws SQLException {
        chair.subscribe("""
                {"channels":["INBOX","EMAIL"],"cadence":"DAILY","recommendationIds":["1.4"]}""");
        String staff = gateway.token("support-staff");
        assertOk(gateway.post("/api/recommendations/1.4/transitions", staff, "{\"to\":\"PLANNING\",\"note\":\"Scoping\"}"));
        Email digest = chair.mailbox.awaitOne(MAIL, email -> email.subject().startsWith("[WS2] Daily digest")
                && email.text().contains("Recommendation 1.4"));
        assertThat(digest.text()).contains("moved from Not started to Planning");
        opens(digest.link("/recommendations/1.4"), "1.4");
        // a mail client's one-click unsubscribe (RFC 8058) is the API's; the body's link is the page's, for people
        assertThat(digest.listUnsubscribe()).hasValueSatisfying(url -> assertThat(url).contains("/api/subscriptions/unsubscribe?token="));
        browser.driver.get(digest.link("/unsubscribe"));
        browser.screenshot("email-16-unsubscribe-from-the-digest");
        browser.assertAccessible();
        browser.find(By.xpath("//button[text()='Unsubscribe']")).click();
        browser.await(LIVE, d -> d.findElement(By.tagName("h1")).getText().equals("Unsubscribed"));
        browser.screenshot("email-17-unsubscribed");

        assertOk(gateway.post("/api/recommendations/1.4/transitions", staff, "{\"to\":\"NOT_STARTED\",\"note\":\"Not yet\"}"));
        // the change was told: the subscription keeps its inbox, which has both changes of 1.4
        await().atMost(MAIL).untilAsserted(() -> assertThat(items(json(gateway.get("/api/notifications?size=50", chair.token()))))
                .filteredOn(notice -> notice.path("kind").asString().equals("RECOMMENDATION_STATUS_CHANGED")
                        && notice.path("recommendationId").asString().equals("1.4"))
                .hasSize(2));
        StackDatabase notifications = new StackDatabase(stack, "ws2_notifications");
        String told = notifications.strings("SELECT now()").get(0);
        digestsRanTwiceSince(notifications, told);
        assertThat(notifications.strings("SELECT count(*) FROM email WHERE recipient = ? AND subject LIKE '[WS2] Daily digest%'", CHAIR))
                .containsExactly("1");
        assertThat(chair.mailbox.all()).filteredOn(email -> email.subject().startsWith("[WS2] Daily digest")).hasSize(1);
    }

    /** Two runs of the digest task that ended after {@code since}: the second began after it. */
    private void digestsRanTwiceSince(StackDatabase notifications, String since) {
        String lastRun = "SELECT last_success FROM scheduled_tasks WHERE task_name = 'daily-digest' AND last_success > CAST(? AS timestamptz)";
        String first = await().atMost(MAIL).until(() -> notifications.strings(lastRun, since), rows -> !rows.isEmpty()).get(0);
        await().atMost(MAIL).until(() -> notifications.strings(lastRun, first), rows -> !rows.isEmpty());
    }

    /** Follows a link in the browser: the page answers 200 and its heading names the thing. */
    private void opens(String link, String name) {
        browser.driver.get(link);
        assertThat(browser.status()).as(link).isEqualTo(200);
        assertThat(browser.find(By.tagName("h1")).getText()).as(link).contains(name);
    }

    /** The inbox page's notice with this subject, once it is there (it arrives through Kafka; the page is not live). */
    private WebElement awaitNotice(String subject) {
        return browser.await(LIVE, d -> {
            List<WebElement> found = d.findElements(By.linkText(subject));
            if (found.isEmpty()) {
                d.navigate().refresh();
                return null;
            }
            return found.get(0);
        });
    }

    private WebElement stage() {
        return browser.find(By.cssSelector("[data-testid=stage-sentence]"));
    }
}
