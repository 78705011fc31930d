package org.ws2.systemtests.support;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The stack the journeys through the gateway share: started once per test run, for the first class that asks for
 * it (a {@link SharedStackJourney}), loaded with the Q2 2021 update (its calls are dated in 2021, so they
 * must come before any later change of the same groups), and stopped when the run ends, or earlier when a class
 * with its own stack starts ({@link OwnStack}: one stack at a time on the machine). Its classes get the stack and a
 * {@link GatewayClient} as parameters.
 * <p>
 * Each journey sets up the data it needs on top of the Q2 update, with recommendations and groups no other journey
 * changes, so that none depends on another having run; the stack is shared only because starting one takes minutes.
 */
public final class SharedStack extends RootStoreStack {

    /** Its ports (and the {@link BrowserStack}'s, which runs after it) are clear of FaultInjectionSystemIT's and LauncherIT's. */
    static final String DEFAULT_PORT_OFFSET = "10000";
    /**
     * For a developer re-running journeys: the WS2_HOME of a stack already running at the same port offset, with the
     * Q2 update loaded ({@code scripts/load-q2-2021.sh}) ({@code -Dws2.system-test.running-stack-home=...}); it is
     * used, not started or stopped.
     */
    static final String RUNNING_STACK_HOME = System.getProperty("ws2.system-test.running-stack-home", "");

    public SharedStack() {
        super("end-to-end", "shared", RUNNING_STACK_HOME);
    }

    @Override
    void stopFirst(ExtensionContext context) {
        BrowserStack.release(context);
    }

    @Override
    void loadFresh(GatewayClient gateway) {
        Q2Update.load(gateway);
    }

    /** Stops the shared stack if it runs (a later class asking for it starts a fresh one). */
    static void release(ExtensionContext context) {
        release(context, SharedStack.class);
    }
}
