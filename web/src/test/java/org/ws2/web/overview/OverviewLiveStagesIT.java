package org.ws2.web.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.devtools.NetworkInterceptor;
import org.openqa.selenium.remote.http.Contents;
import org.openqa.selenium.remote.http.HttpResponse;
import org.openqa.selenium.remote.http.Route;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.ws2.web.Chromium;
import org.ws2.web.ChromiumPageIT;
import org.ws2.web.StubGateway.Answer;

/**
 * The overview already open in a browser shows a group's new stage without a reload (issue 20 item 7a: ALAC signs
 * off, and the overview shows ALAC's new stage): its script fetches the live part again when the public event
 * stream names an event the page follows, and, where there is no stream, every few seconds. A real Chromium draws
 * the page; the stand-in gateway's answer for the groups' stages changes while the page stays open, and the page
 * keeps a mark set on its window, which a reload would wipe.
 */
class OverviewLiveStagesIT extends ChromiumPageIT {

    static final String SIGNED_OFF = "org.ws2.assignment.triage-changed.v1";

    private final AtomicReference<String> alacStage = new AtomicReference<>("AWAITING_SIGN_OFF");

    @BeforeEach
    void theApi() {
        GATEWAY.on("GET /api/reports/progress", OverviewMilestonesIT.PROGRESS)
                .on("GET /api/recommendations", "{\"items\":[],\"total\":0}")
                .on("GET /api/reports/groups", request -> Answer.ok(alacStage.get().equals("REVIEWED")
                        ? groups("REVIEWED", "has reviewed recs", 0, 1)
                        : groups("AWAITING_SIGN_OFF", "support team has conducted initial triage; asked to review and sign off", 1, 0)));
    }

    @Test
    void withoutAStreamThePageAsksAgainByItself() {
        // the pages here run without the gateway, so the stream's address answers no stream: the page polls
        open();

        alacStage.set("REVIEWED");

        awaitAlac("REVIEWED");
        assertThat(alacSentence()).isEqualTo("has reviewed recs");
        assertNotReloaded();
    }

    @Test
    void anEventOnTheStreamThePageFollowsFetchesTheStagesAgain() {
        AtomicBoolean signedOff = new AtomicBoolean();
        // The stream as the gateway serves it, one short connection at a time: the page reconnects within a third of
        // a second, and each opening puts its slow poll (every ten seconds) back to the start, so the poll never
        // comes: only an event the page follows brings the new stage.
        try (NetworkInterceptor stream = new NetworkInterceptor(chromium().driver(),
                Route.matching(request -> request.getUri().contains("/api/events/stream"))
                        .to(() -> request -> new HttpResponse().setStatus(200)
                                .addHeader("Content-Type", "text/event-stream").addHeader("Cache-Control", "no-store")
                                .setContent(Contents.utf8String("retry: 300\n\n" + (signedOff.get()
                                        ? "id: 7\nevent: " + SIGNED_OFF + "\ndata: {\"type\":\"" + SIGNED_OFF + "\",\"subject\":\"ALAC\"}\n\n"
                                        : ": quiet\n\n")))))) {
            open();

            alacStage.set("REVIEWED");
            signedOff.set(true);

            awaitAlac("REVIEWED");
            assertThat(alacSentence()).isEqualTo("has reviewed recs");
            assertNotReloaded();
        }
    }

    private void open() {
        chromium().open("http://localhost:" + port + "/", Chromium.DESKTOP);
        assertThat(alacStageShown()).isEqualTo("AWAITING_SIGN_OFF");
        chromium().driver().executeScript("window.ws2StillOpen = true;");
    }

    private void awaitAlac(String stage) {
        // the part is swapped while the wait looks: an element found just before is then stale, and looked for again
        new WebDriverWait(chromium().driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> stage.equals(alacStageShown()));
    }

    private String alacStageShown() {
        return chromium().driver().findElement(By.cssSelector("[data-group=\"ALAC\"]")).getAttribute("data-stage");
    }

    private String alacSentence() {
        return chromium().driver().findElement(By.cssSelector("[data-group=\"ALAC\"] [data-testid=\"stage-sentence\"]")).getText();
    }

    private void assertNotReloaded() {
        assertThat(chromium().driver().executeScript("return window.ws2StillOpen === true;")).as("the page was not reloaded")
                .isEqualTo(true);
    }

    private static String groups(String stage, String what, int awaiting, int signedOff) {
        return """
                {"groups":[{"groupId":"ALAC","name":"At-Large Advisory Committee","kind":"AC","parent":null,"stage":"%s",
                  "sentence":"At-Large Advisory Committee – %s.","counts":{"assignments":1,"triaged":0,"signOffRequested":%d,
                  "changesRequested":0,"signedOff":%d,"prioritiesApproved":0,"prioritiesDraft":0,"notStarted":1,"inProgress":0,
                  "implemented":0,"notApplicable":0}}]}""".formatted(stage, what, awaiting, signedOff);
    }
}
