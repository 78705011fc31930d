package org.ws2.web.inbox;


import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.ws2.web.api.TrackerApi;
import org.ws2.web.signin.SignedInUser;

/**
 * The header's unread count ({@code ${@inboxCount.unread(user)}}): asked only when a whole page's header
 * is drawn, never for a fragment, with one smallest read of the inbox (none on the inbox page, which has
 * just read it). The count is a nicety: when the
 * notifications service does not answer, the header just says "Inbox" and the page is drawn regardless.
 */
@Component("inboxCount")
@RequiredArgsConstructor
public class InboxCount {

    private final TrackerApi api;

    /** How many notices the person has not read, or null when not known. */
    public Long unread(SignedInUser user) {
        if (user == null) {
            return null;
        }
        return api.tryGet("/api/notifications?page=0&size=1", user)
                .map(outcome -> outcome.body().get("unread"))
                .filter(Number.class::isInstance)
                .map(unread -> ((Number) unread).longValue())
                .orElse(null);
    }
}
