package org.ws2.web.signin;

import java.util.function.Supplier;

/**
 * The pages that are a person's own (inbox, workspace, notification settings, webhooks): the API would answer a
 * signed-out visitor 401 on every read, so the visitor is sent to sign in first rather than shown a failing page.
 */
public final class SignInRequired {

    private SignInRequired() {
    }

    /** The page {@code page} makes for a signed-in person; signed out, the sign-in page. */
    public static String signedIn(SignedInUser user, Supplier<String> page) {
        return user == null ? "redirect:/sign-in" : page.get();
    }
}
