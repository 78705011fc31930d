package org.ws2.systemtests.support;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

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
public final class SharedStack implements BeforeAllCallback, ParameterResolver {

    /** Its ports (and the {@link BrowserStack}'s, which runs after it) are clear of ReplicasSystemIT's and FaultInjectionSystemIT's. */
    static final String DEFAULT_PORT_OFFSET = "10000";
    /**
     * For a developer re-running journeys: the WS2_HOME of a stack already running at the same port offset, with the
     * Q2 update loaded ({@code scripts/load-q2-2021.sh}) ({@code -Dws2.system-test.running-stack-home=...}); it is
     * used, not started or stopped.
     */
    static final String RUNNING_STACK_HOME = System.getProperty("ws2.system-test.running-stack-home", "");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedStack.class);

    /** The running stack, or why it did not start (so that the next class fails at once rather than start it again). */
    private record Started(SystemStack stack, GatewayClient gateway, RuntimeException failure) implements AutoCloseable {

        static Started start() {
            SystemStack stack = RUNNING_STACK_HOME.isBlank()
                    ? SystemStack.inFreshFolder("end-to-end", DEFAULT_PORT_OFFSET, Duration.ofSeconds(180))
                    : SystemStack.alreadyRunning("end-to-end", Path.of(RUNNING_STACK_HOME), DEFAULT_PORT_OFFSET);
            try {
                stack.start();
                GatewayClient gateway = new GatewayClient(stack);
                if (RUNNING_STACK_HOME.isBlank()) {
                    Q2Update.load(gateway);
                }
                return new Started(stack, gateway, null);
            } catch (RuntimeException | AssertionError e) {
                stack.close();
                return new Started(null, null, e instanceof RuntimeException r ? r : new IllegalStateException(e));
            }
        }

        Started orFail() {
            if (failure != null) {
                throw new IllegalStateException("The shared stack did not start", failure);
            }
            return this;
        }

        @Override
        public void close() {
            if (stack != null) {
                stack.close();
            }
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        BrowserStack.release(context);
        started(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return StackParameters.supports(parameter);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Started started = started(context);
        return StackParameters.resolve(parameter, started.stack(), started.gateway());
    }

    private static Started started(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Started.class, key -> Started.start(), Started.class)
                .orFail();
    }

    /** Stops the shared stack if it runs (a later class asking for it starts a fresh one). */
    static void release(ExtensionContext context) {
        Started started = context.getRoot().getStore(NAMESPACE).remove(Started.class, Started.class);
        if (started != null) {
            started.close();
        }
    }
}
