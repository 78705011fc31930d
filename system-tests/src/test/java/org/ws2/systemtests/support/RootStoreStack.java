package org.ws2.systemtests.support;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A stack that test classes share ({@link SharedStack}, {@link BrowserStack}): started for the first class that asks for
 * it, after what must not run beside it is stopped (one stack at a time on the machine), kept in the run's root store
 * (under the extension's class) for the next class, and stopped when the run ends or {@link #release} is called. Its
 * classes get the stack and a {@link GatewayClient} as parameters. Starting one takes minutes, hence the sharing.
 */
abstract class RootStoreStack implements BeforeAllCallback, ParameterResolver {

    /** The running stack, or why it did not start (so that the next class fails at once rather than start it again). */
    private record Started(SystemStack stack, GatewayClient gateway, RuntimeException failure) implements AutoCloseable {

        Started orFail(String description) {
            if (failure != null) {
                throw new IllegalStateException("The " + description + " stack did not start", failure);
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

    private final String folder;
    private final String description;
    private final String runningStackHome;

    /**
     * @param folder           the stack's name, and its fresh data folder's
     * @param description      how a failure to start names it
     * @param runningStackHome the WS2_HOME of a stack already running at the same port offset, used rather than started
     *                         (blank: start a fresh one)
     */
    RootStoreStack(String folder, String description, String runningStackHome) {
        this.folder = folder;
        this.description = description;
        this.runningStackHome = runningStackHome;
    }

    /** Stops the stacks that must not run beside this one before it starts. */
    abstract void stopFirst(ExtensionContext context);

    /** Loads a freshly started stack with what its classes start from (not one already running); nothing by default. */
    void loadFresh(GatewayClient gateway) {
    }

    @Override
    public final void beforeAll(ExtensionContext context) {
        stopFirst(context);
        started(context);
    }

    @Override
    public final boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return StackParameters.supports(parameter);
    }

    @Override
    public final Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Started started = started(context);
        return StackParameters.resolve(parameter, started.stack(), started.gateway());
    }

    private Started started(ExtensionContext context) {
        return context.getRoot().getStore(namespace(getClass()))
                .computeIfAbsent(Started.class, key -> start(), Started.class).orFail(description);
    }

    private Started start() {
        SystemStack stack = runningStackHome.isBlank()
                ? SystemStack.inFreshFolder(folder, SharedStack.DEFAULT_PORT_OFFSET, Duration.ofSeconds(180))
                : SystemStack.alreadyRunning(folder, Path.of(runningStackHome), SharedStack.DEFAULT_PORT_OFFSET);
        try {
            stack.start();
            GatewayClient gateway = new GatewayClient(stack);
            if (runningStackHome.isBlank()) {
                loadFresh(gateway);
            }
            return new Started(stack, gateway, null);
        } catch (RuntimeException | Error e) {
            stack.close();
            return new Started(null, null, e instanceof RuntimeException r ? r : new IllegalStateException(e));
        }
    }

    /** Stops the stack of the given kind if it runs (a later class asking for it starts a fresh one). */
    static void release(ExtensionContext context, Class<? extends RootStoreStack> kind) {
        Started started = context.getRoot().getStore(namespace(kind)).remove(Started.class, Started.class);
        if (started != null) {
            started.close();
        }
    }

    private static ExtensionContext.Namespace namespace(Class<? extends RootStoreStack> kind) {
        return ExtensionContext.Namespace.create(kind);
    }
}
