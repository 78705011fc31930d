package org.ws2.systemtests.support;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stack the browser journeys share ({@code @ExtendWith(BrowserStack.class)}): a fresh one, apart from the
 * {@link SharedStack}, because the browser journeys count the untouched catalogue (84 recommendations, topic 6 not yet
 * triaged) and the shared stack's journeys change it. Started once for the first browser class, after the shared stack
 * is stopped (one stack at a time on the machine), kept in the run's root store for the next browser class
 * ({@link SharedStackFirst} runs them one after the other) and stopped when the run ends or a class with its own stack
 * starts ({@link OwnStack}). Its classes get the stack and a {@link GatewayClient} as parameters.
 * <p>
 * The classes share data, so their order matters: {@code BrowserJourneysIT} first (its counts need the untouched
 * catalogue), then the classes that only add to what it left ({@code EmailLinkJourneysIT}, outside topic 6), and
 * last {@code ReplicasSystemIT}, which reshapes the stack (pages and notifications stopped, second instances of two
 * services) rather than start one of its own.
 */
public final class BrowserStack extends RootStoreStack {

    /**
     * For a developer re-running the journeys: the WS2_HOME of a fresh stack already running at the same port offset
     * ({@code -Dws2.browser-test.running-stack-home=...}); it is used, not started or stopped.
     */
    static final String RUNNING_STACK_HOME = System.getProperty("ws2.browser-test.running-stack-home", "");

    public BrowserStack() {
        super("browser", "browser", RUNNING_STACK_HOME);
    }

    @Override
    void stopFirst(ExtensionContext context) {
        SharedStack.release(context);
    }

    /** Stops the browser stack if it runs (a later browser class starts a fresh one). */
    static void release(ExtensionContext context) {
        release(context, BrowserStack.class);
    }
}
