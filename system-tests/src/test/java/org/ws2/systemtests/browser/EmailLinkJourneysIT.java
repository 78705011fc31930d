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
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ws2.systemtests.support.Responses.assertOk;
import static org.ws2.systemtests.support.Responses.items;
import static org.ws2.systemtests.support.Responses.json;

/**
 * Issue 20 item 7: the journeys that leave the tracker by email and come back by the email's link, in a real headless
 * Chromium on the browser stack. Each email is read from the stack's SMTP catcher as its recipient gets it, and the
 * link followed is the one in its body, never a path the test knows. ALAC's chair ({@value #CHAIR}) gets them.
 * <p>
 * After {@link BrowserJourneysIT} on the same stack ({@link BrowserStack}): its counts need the catalogue untouched, so
 * these journeys come second and stay outside topic 6 (1.1 to 1.4), and only add to ALAC what keeps its checks true
 * when run alone too (1.1 ends signed off, as ALAC's topic 6 does there).
 */
@ExtendWith(BrowserStack.class)
@Order(2)
class EmailLinkJourneysIT {

    static final Duration LIVE = Duration.ofSeconds(20);
    static final Duration MAIL = Duration.ofSeconds(30);
    static final String CHAIR = "chair@alac.example";

    private SystemStack stack;
    private GatewayClient gateway;
    private Browser browser;
    private Mailbox chairsMail;
    private ChairsSubscriptions subscriptions;

    @BeforeEach
    void openABrowserAndGiveAlacAChair(SystemStack stack, GatewayClient gateway) {
        this.stack = stack;
        this.gateway = gateway;
        browser = new Browser(stack.gatewayUrl());
        chairsMail = new Mailbox(stack, CHAIR);
        subscriptions = new ChairsSubscriptions(gateway, browser, chairsMail, CHAIR);
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
     * the group's page, open elsewhere, shows ALAC's new stage by itself. The editor's comment there reaches support's
     * inbox, whose notice opens the thread.
     */
    @Test
    void aSignOffRequestEmailLeadsToTheSignOffAndTheCommentBackToSupport() {
        browser.signIn("Sam Support", "support-staff", List.of());
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

        Email request = chairsMail.awaitSubject(MAIL, "[WS2] Sign-off requested: recommendation 1.1");
        assertThat(request.text()).contains("Support asks At-Large Advisory Committee to review and sign off recommendation 1.1");
        String link = request.link("/groups/ALAC/assignments/1.1");

        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.signIn("Alice ALAC", "group-editor", List.of("ALAC"));
        browser.driver.get(link);
        assertThat(browser.find(By.tagName("h1")).getText()).startsWith("1.1");
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

        aCommentOnThatPageReachesSupportsInboxAndItsLinkOpensTheThread(link);
    }

    private void aCommentOnThatPageReachesSupportsInboxAndItsLinkOpensTheThread(String assignmentLink) {
        String comment = "Does this cover the RALOs' own reviews?";
        browser.driver.get(assignmentLink);
        browser.find(By.id("comment-text")).sendKeys(comment);
        browser.find(By.xpath("//button[text()='Comment']")).click();
        browser.await(LIVE, d -> d.findElement(By.id("thread")).getText().contains(comment));

        browser.signIn("Sam Support", "support-staff", List.of());
        String subject = "Comment on At-Large Advisory Committee's recommendation 1.1";
        browser.open("/inbox");
        WebElement notice = browser.await(LIVE, d -> {
            List<WebElement> found = d.findElements(By.linkText(subject));
            if (found.isEmpty()) {
                d.navigate().refresh(); // the notice arrives through Kafka; the inbox page is not live
                return null;
            }
            return found.get(0);
        });
        browser.screenshot("email-05-support-inbox-with-the-comment");
        browser.assertAccessible();
        notice.click();
        browser.await(LIVE, d -> d.getCurrentUrl().endsWith("/groups/ALAC/assignments/1.1#thread"));
        assertThat(browser.find(By.id("thread")).getText()).contains(comment, "Alice ALAC");
        browser.screenshot("email-06-thread-from-the-inbox");
    }

    /**
     * Support records an engagement and flags a recommendation in the browser; every link of the emails ALAC's chair
     * gets about them answers, and the one to the thing opens a page that names it.
     */
    @Test
    void everyLinkInTheChairsEmailsAboutAnEngagementAndAFlagAnswers() throws IOException, InterruptedException {
        giveAChair("GAC", "chair@gac.example");
        subscriptions.subscribe("""
                {"channels":["EMAIL"],"cadence":"IMMEDIATE","email":"%s","engagementKinds":["WEBINAR"]}""".formatted(CHAIR));
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
        browser.screenshot("email-07-engagement-recorded");

        browser.open("/recommendations/1.3");
        Select level = new Select(browser.find(By.id("coordination-level")));
        String flag = level.getFirstSelectedOption().getAttribute("value").equals("REQUIRED") ? "WOULD_BENEFIT" : "REQUIRED";
        level.selectByValue(flag);
        browser.find(By.id("coordination-rationale")).sendKeys("Every SO and AC reviews its accountability");
        browser.find(By.xpath("//button[text()='Save the flag']")).click();
        browser.await(LIVE, d -> new Select(d.findElement(By.id("coordination-level"))).getFirstSelectedOption()
                .getAttribute("value").equals(flag));
        browser.screenshot("email-08-recommendation-1.3-flagged");

        Email engagement = chairsMail.awaitSubject(MAIL, "[WS2] Webinar: " + title);
        everyLinkAnswersAndTheFirstNames(engagement, "/engagements/", title, "engagement");
        // a coordination flag is for every SO and AC chair (docs/notifications.md), subscribed or not
        for (Mailbox chairs : List.of(chairsMail, new Mailbox(stack, "chair@gac.example"))) {
            Email flagged = chairs.awaitSubject(MAIL, "[WS2] Community coordination: recommendation 1.3");
            assertThat(flagged.text()).contains("Every SO and AC reviews its accountability");
            everyLinkAnswersAndTheFirstNames(flagged, "/recommendations/1.3", "1.3", "flag");
        }
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
        String thing = email.link(thingPath);
        browser.driver.get(thing);
        assertThat(browser.find(By.tagName("h1")).getText()).as(thing).contains(name);
        browser.screenshot("email-09-" + shot + "-link-from-the-chairs-email");
    }

    /**
     * The chair follows 1.4 in a daily digest. A digest arrives; unsubscribing from its link stops the next one: the
     * next change of 1.4 reaches the chair's inbox, and digests run after it, but none is sent.
     * The stack makes digests due every few seconds (system-tests/pom.xml: WS2_NOTIFICATIONS_SCHEDULE_DAILYDIGEST).
     */
    @Test
    void anUnsubscribeLinkStopsTheNextDigest() throws SQLException {
        String chair = subscriptions.chairsToken();
        subscriptions.subscribe("""
                {"channels":["INBOX","EMAIL"],"cadence":"DAILY","email":"%s","recommendationIds":["1.4"]}""".formatted(CHAIR));
        String staff = gateway.token("support-staff");
        assertOk(gateway.post("/api/recommendations/1.4/transitions", staff, "{\"to\":\"PLANNING\",\"note\":\"Scoping\"}"));
        Email digest = chairsMail.awaitOne(MAIL, email -> email.subject().startsWith("[WS2] Daily digest")
                && email.text().contains("Recommendation 1.4"));
        assertThat(digest.text()).contains("moved from Not started to Planning");
        // a mail client's one-click unsubscribe (RFC 8058) is the API's; the body's link is the page's, for people
        assertThat(digest.listUnsubscribe()).hasValueSatisfying(url -> assertThat(url).contains("/api/subscriptions/unsubscribe?token="));
        browser.driver.get(digest.link("/unsubscribe"));
        browser.screenshot("email-10-unsubscribe-from-the-digest");
        browser.assertAccessible();
        browser.find(By.xpath("//button[text()='Unsubscribe']")).click();
        browser.await(LIVE, d -> d.findElement(By.tagName("h1")).getText().equals("Unsubscribed"));
        browser.screenshot("email-11-unsubscribed");

        assertOk(gateway.post("/api/recommendations/1.4/transitions", staff, "{\"to\":\"NOT_STARTED\",\"note\":\"Not yet\"}"));
        // the change was told: the subscription keeps its inbox, which has both changes of 1.4
        await().atMost(MAIL).untilAsserted(() -> assertThat(items(json(gateway.get("/api/notifications?size=50", chair))))
                .filteredOn(notice -> notice.path("kind").asString().equals("RECOMMENDATION_STATUS_CHANGED")
                        && notice.path("recommendationId").asString().equals("1.4"))
                .hasSize(2));
        StackDatabase notifications = new StackDatabase(stack, "ws2_notifications");
        String told = notifications.strings("SELECT now()").get(0);
        digestsRanTwiceSince(notifications, told);
        assertThat(notifications.strings("SELECT count(*) FROM email WHERE recipient = ? AND subject LIKE '[WS2] Daily digest%'", CHAIR))
                .containsExactly("1");
        assertThat(chairsMail.all()).filteredOn(email -> email.subject().startsWith("[WS2] Daily digest")).hasSize(1);
    }

    /** Two runs of the digest task that ended after {@code since}: the second began after it. */
    private void digestsRanTwiceSince(StackDatabase notifications, String since) {
        String lastRun = "SELECT last_success FROM scheduled_tasks WHERE task_name = 'daily-digest' AND last_success > CAST(? AS timestamptz)";
        String first = await().atMost(MAIL).until(() -> notifications.strings(lastRun, since), rows -> !rows.isEmpty()).get(0);
        await().atMost(MAIL).until(() -> notifications.strings(lastRun, first), rows -> !rows.isEmpty());
    }

    private WebElement stage() {
        return browser.find(By.cssSelector("[data-testid=stage-sentence]"));
    }
}
