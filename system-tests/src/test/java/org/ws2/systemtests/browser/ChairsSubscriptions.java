package org.ws2.systemtests.browser;

import org.openqa.selenium.By;
import org.ws2.systemtests.support.GatewayClient;
import org.ws2.systemtests.support.Mailbox;

import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.systemtests.support.Responses.json;

/**
 * The subscriptions of a group's chair, a person with a token ("ALAC Chair", an editor of ALAC) whose address the
 * notifications service mails only once it is confirmed: the first subscription sends a confirmation email, whose link
 * is opened and confirmed in the browser, as the chair would. Later subscriptions to the same address need none.
 */
final class ChairsSubscriptions {

    static final String CHAIR_NAME = "ALAC Chair";
    private static final String CONFIRMATION = "[WS2] Confirm that you want tracker notifications";

    private final GatewayClient gateway;
    private final Browser browser;
    private final Mailbox mailbox;
    private final String address;

    ChairsSubscriptions(GatewayClient gateway, Browser browser, Mailbox mailbox, String address) {
        this.gateway = gateway;
        this.browser = browser;
        this.mailbox = mailbox;
        this.address = address;
    }

    String chairsToken() {
        return gateway.tokenFor(CHAIR_NAME, "group-editor", "ALAC");
    }

    /** Saves the subscription (JSON as the API takes it) and confirms its address from the email's link if need be. */
    void subscribe(String subscription) {
        HttpResponse<String> saved = gateway.post("/api/subscriptions", chairsToken(), subscription);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        if (json(saved).path("emailConfirmed").asBoolean()) {
            return;
        }
        // one confirmation email an address a while: an earlier subscription's link confirms this one too
        String link = mailbox.awaitSubject(Duration.ofSeconds(30), CONFIRMATION).link("/subscriptions/confirm");
        browser.driver.get(link);
        browser.screenshot("email-00-confirm-the-address");
        browser.find(By.xpath("//button[text()='Confirm']")).click();
        browser.await(Duration.ofSeconds(20), d -> d.findElement(By.tagName("main")).getText().contains(address));
    }
}
