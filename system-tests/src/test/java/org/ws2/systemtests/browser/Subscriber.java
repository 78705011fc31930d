package org.ws2.systemtests.browser;

import org.openqa.selenium.By;
import org.ws2.systemtests.support.GatewayClient;
import org.ws2.systemtests.support.Mailbox;
import org.ws2.systemtests.support.Mailbox.Email;
import org.ws2.systemtests.support.SystemStack;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.systemtests.support.Responses.json;

/**
 * A person with a token (a name, a role, the groups they edit) who subscribes to email at an address whose mail the
 * journeys read. The notifications service mails an address only once it is confirmed, and the local tokens carry no
 * {@code email} claim: the person's first subscription sends a confirmation email, whose link is opened and confirmed
 * in the browser, as its reader would. Later subscriptions of the same person to that address need none.
 */
final class Subscriber {

    private static final String CONFIRMATION = "[WS2] Confirm that you want tracker notifications";

    final String name;
    final String address;
    final Mailbox mailbox;
    private final String role;
    private final List<String> groups;
    private final GatewayClient gateway;
    private final Browser browser;

    Subscriber(SystemStack stack, GatewayClient gateway, Browser browser, String name, String role, List<String> groups,
            String address) {
        this.name = name;
        this.role = role;
        this.groups = groups;
        this.address = address;
        this.gateway = gateway;
        this.browser = browser;
        this.mailbox = new Mailbox(stack, address);
    }

    String token() {
        return gateway.tokenFor(name, role, groups.toArray(String[]::new));
    }

    /** Signs the browser in as this person. */
    void signIn() {
        browser.signIn(name, role, groups);
    }

    /** Saves the subscription (JSON as the API takes it, without the address) and confirms the address if need be. */
    void subscribe(String subscription) {
        String withAddress = "{\"email\":\"" + address + "\"," + subscription.strip().substring(1);
        HttpResponse<String> saved = gateway.post("/api/subscriptions", token(), withAddress);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        if (json(saved).path("emailConfirmed").asBoolean()) {
            return;
        }
        // one confirmation email an address a while: an earlier subscription's link confirms this one too
        Email confirmation = mailbox.awaitSubject(Duration.ofSeconds(30), CONFIRMATION);
        // like every email, it can be unsubscribed from with one click (RFC 8058): the address declines
        assertThat(confirmation.listUnsubscribe()).hasValueSatisfying(url -> assertThat(url)
                .contains("/api/subscriptions/unsubscribe?token=confirmation."));
        browser.driver.get(confirmation.link("/subscriptions/confirm"));
        browser.screenshot("email-00-confirm-the-address");
        browser.find(By.xpath("//button[text()='Confirm']")).click();
        browser.await(Duration.ofSeconds(20), d -> d.findElement(By.tagName("main")).getText().contains(address));
    }
}
