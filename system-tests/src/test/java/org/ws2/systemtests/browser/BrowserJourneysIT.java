package org.ws2.systemtests.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.ws2.systemtests.support.BrowserStack;
import org.ws2.systemtests.support.GatewayClient;
import org.ws2.systemtests.support.SystemStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9's journeys in a real headless Chromium, against the whole stack started by the same launcher
 * as {@code ./ws2 start} and reached only through the gateway, like a person would. Each journey saves
 * screenshots under {@code target/screenshots/} and runs axe-core on the pages it visits. Each journey opens its
 * own browser and signs in as it needs; none depends on another having run first.
 * The stack is the browser journeys' own ({@link BrowserStack}: a fresh data folder, the shared stack's port offset,
 * started after the shared stack stops), so the journeys do not depend on what the shared stack's journeys did: its
 * overview counts the catalogue's 84 and its triage of topic 6 finds no assignment yet. The browser classes after it
 * ({@link Order}) only add to its data: {@code EmailLinkJourneysIT} stays outside topic 6.
 */
@ExtendWith(BrowserStack.class)
@Order(1)
class BrowserJourneysIT {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration LIVE = Duration.ofSeconds(20);

    private SystemStack stack;
    private GatewayClient gateway;
    /** Each journey's own, signed in as nobody until it signs in. */
    private Browser browser;

    @BeforeEach
    void openABrowser(SystemStack stack, GatewayClient gateway) {
        this.stack = stack;
        this.gateway = gateway;
        browser = new Browser(stack.gatewayUrl());
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aReaderFiltersToTopic6AndOpens611() {
        browser.open("/");
        assertThat(browser.find(By.tagName("h1")).getText()).contains("WS2 implementation");
        // the whole catalogue: the 84 recommendations of the reference data, once the reporting service's
        // progress read model has counted them all (the page follows it without a reload)
        browser.await(LIVE, d -> d.findElement(By.cssSelector("[data-testid=total]")).getText().equals("84"));
        browser.screenshot("01-overview");
        browser.assertAccessible();

        browser.open("/recommendations");
        new Select(browser.find(By.id("f-topic"))).selectByValue("6");
        browser.find(By.cssSelector("form[role=search] button[type=submit]")).click();
        browser.await(LIVE, d -> d.getCurrentUrl().contains("topic=6"));
        assertThat(browser.find(By.cssSelector("[data-testid=result-count]")).getText()).startsWith("20 ");
        List<String> ids = browser.all(By.cssSelector("tbody tr td:first-child a")).stream().map(WebElement::getText).toList();
        assertThat(ids).hasSize(20).allMatch(id -> id.startsWith("6.")).contains("6.1.1");
        browser.screenshot("02-recommendations-topic-6");
        browser.assertAccessible();

        browser.find(By.linkText("6.1.1")).click();
        browser.await(LIVE, d -> d.getCurrentUrl().endsWith("/recommendations/6.1.1"));
        assertThat(browser.find(By.tagName("h1")).getText()).startsWith("6.1.1");
        assertThat(browser.find(By.id("timeline")).isDisplayed()).isTrue();
        assertThat(browser.all(By.cssSelector(".timeline li"))).isNotEmpty();
        browser.screenshot("03-recommendation-6.1.1");
        browser.assertAccessible();
    }

    /**
     * One story, in its order: support triages topic 6 to every SO and AC and asks for sign-off; the ALAC's editor
     * signs off and sets priorities, the rest of the ALAC's review arrives from elsewhere, a stale edit is refused;
     * the public groups page then shows the ALAC's stage.
     */
    @Test
    void fromSupportsTriageToTheAlacsReviewOnThePublicGroupsPage() {
        supportTriagesTopic6ToEverySoAndAcAndRequestsSignOff();
        theAlacEditorSignsOffAndSetsPrioritiesAndTheStageFollowsLive();
        aStaleEditShowsTheConflictMessage();
        // the stages come from the reporting service's read model, which follows the groups service's events
        browser.open("/groups");
        browser.await(LIVE, d -> {
            if (d.findElement(By.linkText("At-Large Advisory Committee")).findElement(By.xpath("..")).getText()
                    .contains("has reviewed recs")) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
        browser.screenshot("10-groups");
        browser.assertAccessible();
    }

    private void supportTriagesTopic6ToEverySoAndAcAndRequestsSignOff() {
        signIn("Sam Support", "support-staff", List.of());
        browser.open("/workspace");
        new Select(browser.find(By.id("bt-topic"))).selectByValue("6");
        browser.find(By.id("bt-kind-SO")).click();
        browser.find(By.id("bt-kind-AC")).click();
        browser.find(By.id("bt-note")).sendKeys("Good practices for every SO and AC");
        browser.find(By.xpath("//button[text()='Triage']")).click();
        String result = browser.await(LIVE, d -> d.findElement(By.cssSelector("[data-testid=triage-result]"))).getText();
        // topic 6's 20 recommendations × the 8 SOs and ACs
        assertThat(result).startsWith("Triaged 160 new assignments");
        browser.screenshot("04-support-triaged-topic-6");
        browser.assertAccessible();

        for (WebElement box : browser.all(By.cssSelector("input[name=groupIds]"))) {
            box.click();
        }
        browser.find(By.xpath("//button[text()='Request sign-off']")).click();
        String asked = browser.await(LIVE, d -> d.findElement(By.cssSelector("[data-testid=sign-off-result]"))).getText();
        assertThat(asked).contains("ALAC", "GAC", "ccNSO");
        assertThat(browser.all(By.cssSelector("section[aria-labelledby=awaiting-heading] table tbody tr"))).hasSize(160);
        browser.screenshot("05-support-requested-sign-off");

        browser.open("/groups/ALAC");
        assertThat(stageSentence().getText()).contains("asked to review and sign off");
    }

    @Test
    void theOverviewChangesWithoutAReload() {
        signIn("Sam Support", "support-staff", List.of());
        browser.open("/");
        browser.markDocument();
        int notStarted = Integer.parseInt(browser.find(By.cssSelector("[data-testid=not-started]")).getText());

        HttpResponse<String> moved = api("POST", "/api/recommendations/1.1/transitions", token("support-staff"),
                "{\"to\":\"PLANNING\",\"note\":\"Scoping with the community coordination group\"}", null);
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);

        browser.await(LIVE, d -> d.findElement(By.cssSelector("[data-testid=not-started]")).getText()
                .equals(String.valueOf(notStarted - 1)));
        assertThat(browser.sameDocument()).as("updated in place, not reloaded").isTrue();
        // people's words, not the API's: "In progress", "Co-owned", "30 November 2026, 01:06 UTC"
        assertThat(browser.find(By.id("live")).getText())
                .doesNotContainPattern("[A-Z]{2,}_[A-Z]{2,}")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T");
        browser.screenshot("06-overview-updated-live");
    }

    private void theAlacEditorSignsOffAndSetsPrioritiesAndTheStageFollowsLive() {
        signIn("Alice ALAC", "group-editor", List.of("ALAC"));
        browser.open("/groups/ALAC");
        WebElement first = browser.find(By.id("rec-6-1-1"));
        first.findElement(By.cssSelector("input[name=note]")).sendKeys("Reviewed by the ALAC");
        first.findElement(By.xpath(".//button[text()='Sign off']")).click();
        browser.await(LIVE, d -> d.findElement(By.cssSelector("[data-testid=triage-6-1-1]")).getText().equals("Signed off"));

        WebElement form = browser.find(By.id("rec-6-1-1")).findElement(By.xpath(".//button[text()='Save draft priority']/.."));
        new Select(form.findElement(By.name("priority"))).selectByValue("HIGH");
        new Select(form.findElement(By.name("effort"))).selectByValue("MODERATE");
        new Select(form.findElement(By.name("urgency"))).selectByValue("HIGH");
        form.findElement(By.xpath(".//button[text()='Save draft priority']")).click();
        browser.await(LIVE, d -> d.findElement(By.cssSelector("[data-testid=priority-6-1-1]")).getText()
                .equals("High : Moderate : High (draft)"));
        browser.find(By.xpath("//button[text()=\"Approve the group's priorities\"]")).click();
        browser.await(LIVE, d -> d.findElement(By.cssSelector("[data-testid=priority-6-1-1]")).getText()
                .equals("High : Moderate : High"));
        assertThat(stageSentence().getText()).contains("is reviewing and prioritizing");
        browser.screenshot("07-alac-signed-off-and-prioritized");
        browser.assertAccessible();

        // the rest of the ALAC's review arrives from elsewhere (another editor, a script): the stage follows
        browser.markDocument();
        String editor = token("group-editor", "ALAC");
        JsonNode waiting = JSON.readTree(api("GET", "/api/assignments?groupId=ALAC&triage=SIGN_OFF_REQUESTED&size=500", null, null, null).body());
        for (JsonNode a : waiting.path("items")) {
            HttpResponse<String> signed = api("POST", "/api/groups/ALAC/assignments/" + a.path("recommendationId").asString() + "/triage",
                    editor, "{\"to\":\"SIGNED_OFF\",\"note\":\"Reviewed at the ALAC call\"}", null);
            assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        }
        browser.await(LIVE, d -> "REVIEWED".equals(stageSentence().getAttribute("data-stage")));
        assertThat(browser.sameDocument()).as("updated in place, not reloaded").isTrue();
        assertThat(stageSentence().getText()).contains("has reviewed recs");
        browser.screenshot("08-alac-stage-updated-live");
    }

    private void aStaleEditShowsTheConflictMessage() {
        signIn("Alice ALAC", "group-editor", List.of("ALAC"));
        browser.open("/groups/ALAC");
        WebElement form = browser.find(By.id("rec-6-1-2")).findElement(By.xpath(".//button[text()='Save draft priority']/.."));

        // meanwhile someone else sets this assignment's priority
        HttpResponse<String> current = api("GET", "/api/groups/ALAC/assignments/6.1.2", null, null, null);
        HttpResponse<String> other = api("PUT", "/api/groups/ALAC/assignments/6.1.2/priority", token("group-editor", "ALAC"),
                "{\"priority\":\"LOW\",\"effort\":\"MINIMAL\",\"urgency\":\"LOW\"}", current.headers().firstValue("ETag").orElseThrow());
        assertThat(other.statusCode()).as(other.body()).isEqualTo(200);

        new Select(form.findElement(By.name("priority"))).selectByValue("HIGH");
        form.findElement(By.xpath(".//button[text()='Save draft priority']")).click();
        WebElement problem = browser.await(LIVE, d -> d.findElement(By.cssSelector("#rec-6-1-2 .problem")));
        String message = problem.getText();
        assertThat(browser.driver.switchTo().activeElement()).as("focus moves to the message").isEqualTo(problem);
        assertThat(message).contains("Someone else changed this", "Reload");
        // nothing was overwritten (a draft priority is the group's and support's to see: docs/visibility.md)
        assertThat(JSON.readTree(api("GET", "/api/groups/ALAC/assignments/6.1.2", token("group-editor", "ALAC"), null, null).body())
                .path("priority").asString()).isEqualTo("LOW");
        browser.screenshot("09-stale-edit-conflict");
        browser.assertAccessible();
    }

    @Test
    void theOtherPublicPagesReadWellAndPassTheScan() {
        signIn("Alice ALAC", "group-editor", List.of("ALAC"));
        browser.open("/reports");
        assertThat(browser.find(By.linkText("PDF")).getAttribute("href")).contains("/api/reports/quarterly/2021-Q2?format=pdf");
        browser.screenshot("11-reports");
        browser.assertAccessible();

        browser.open("/api-docs");
        // Swagger UI has loaded the recommendations service's document through the gateway
        browser.await(LIVE, d -> !d.findElements(By.cssSelector("#swagger-ui .opblock")).isEmpty());
        assertThat(browser.find(By.cssSelector("#swagger-ui")).getText()).contains("/api/recommendations");
        browser.screenshot("12-api-reference");
        browser.assertAccessibleExcept("#swagger-ui");

        // "Try it out" goes through the gateway: every document names the origin the browser used, and
        // Swagger UI's request for the topics lands there and is answered
        URI gateway = stack.gatewayUrl();
        String origin = gateway.getScheme() + "://" + gateway.getAuthority();
        for (String service : List.of("recommendations", "groups", "reporting", "notifications")) {
            JsonNode document = JSON.readTree(api("GET", "/api-docs/" + service, null, null, null).body());
            assertThat(document.path("servers").path(0).path("url").asString()).as(service).isEqualTo(origin);
        }
        WebElement topics = browser.find(By.xpath("//div[contains(@class,'opblock-get')][.//*[@data-path='/api/topics']]"));
        topics.findElement(By.cssSelector(".opblock-summary-control")).click();
        browser.await(LIVE, d -> topics.findElement(By.cssSelector(".try-out__btn"))).click();
        browser.await(LIVE, d -> topics.findElement(By.cssSelector(".execute"))).click();
        String requestUrl = browser.await(LIVE, d -> topics.findElement(By.cssSelector(".request-url pre"))).getText();
        assertThat(requestUrl).startsWith(origin + "/api/topics");
        assertThat(browser.await(LIVE, d -> topics.findElement(By.cssSelector(".live-responses-table tbody td.response-col_status"))).getText())
                .startsWith("200");
        browser.screenshot("13-api-reference-try-it-out");
    }

    // ------------------------------------------------------------------ helpers

    private WebElement stageSentence() {
        return browser.find(By.cssSelector("[data-testid=stage-sentence]"));
    }

    private void signIn(String name, String role, List<String> groups) {
        browser.signIn(name, role, groups);
    }

    private String token(String role, String... groups) {
        return gateway.token(role, groups);
    }

    private HttpResponse<String> api(String method, String path, String token, String body, String ifMatch) {
        HttpRequest.Builder request = gateway.request(path, token).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return gateway.send(request);
    }
}
