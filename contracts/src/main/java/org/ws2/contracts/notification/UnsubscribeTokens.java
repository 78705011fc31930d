package org.ws2.contracts.notification;

/**
 * How the kinds of one-click unsubscribe token begin (docs/notifications.md, "Unsubscribing with one click"): the
 * notifications service writes them, and the unsubscribe page words itself by them. Only the notifications service
 * reads what a token stops.
 */
public final class UnsubscribeTokens {

    /** A confirmation email's token, {@code confirmation.<owner and address>.<HMAC>}: it declines the address. */
    public static final String CONFIRMATION = "confirmation.";

    private UnsubscribeTokens() {
    }
}
