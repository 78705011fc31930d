package org.ws2.systemtests.support;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The stack the browser journeys share ({@code @ExtendWith(BrowserStack.class)}): a fresh one, apart from the
 * {@link SharedStack}, because the browser journeys count the untouched catalogue (84 recommendations, topic 6 not yet
 * triaged) and the shared stack's journeys change it. Started once for the first browser class, after the shared stack
 * is stopped (one stack at a time on the machine), kept in the run's root store for the next browser class
 * ({@link SharedStackFirst} runs them one after the other) and stopped when the run ends or a class with its own stack
 * starts ({@link OwnStack}). Its classes get the stack and a {@link GatewayClient} as parameters.
 * <p>
 * The classes share data, so their order matters: {@code BrowserJourneysIT} first (its counts need the untouched
 * catalogue), then the classes that only add to what it left ({@code EmailLinkJourneysIT}, outside topic 6).
 */
public final class BrowserStack implements BeforeAllCallback, ParameterResolver {

    /**
     * For a developer re-running the journeys: the WS2_HOME of a fresh stack already running at the same port offset
     * ({@code -Dws2.browser-test.running-stack-home=...}); it is used, not started or stopped.
     */
    static final String RUNNING_STACK_HOME = System.getProperty("ws2.browser-test.running-stack-home", "");
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BrowserStack.class);

    /** The running stack, or why it did not start (so that the next class fails at once rather than start it again). */
    private record Started(SystemStack stack, GatewayClient gateway, RuntimeException failure) implements AutoCloseable {

        static Started start() {
            SystemStack stack = RUNNING_STACK_HOME.isBlank()
                    ? SystemStack.inFreshFolder("browser", SharedStack.DEFAULT_PORT_OFFSET, Duration.ofSeconds(180))
                    : SystemStack.alreadyRunning("browser", Path.of(RUNNING_STACK_HOME), SharedStack.DEFAULT_PORT_OFFSET);
            try {
                stack.start();
                return new Started(stack, new GatewayClient(stack), null);
            } catch (RuntimeException | Error e) {
                stack.close();
                return new Started(null, null, e instanceof RuntimeException r ? r : new IllegalStateException(e));
            }
        }

        Started orFail() {
            if (failure != null) {
                throw new IllegalStateException("The browser stack did not start", failure);
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
        SharedStack.release(context);
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

    /** Stops the browser stack if it runs (a later browser class starts a fresh one). */
    static void release(ExtensionContext context) {
        Started started = context.getRoot().getStore(NAMESPACE).remove(Started.class, Started.class);
        if (started != null) {
            started.close();
        }
    }
}
