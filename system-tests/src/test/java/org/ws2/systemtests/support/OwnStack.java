package org.ws2.systemtests.support;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A stack of one test class's own ({@code @RegisterExtension static final OwnStack stack = ...}): started before its
 * tests, after the {@link SharedStack} and the {@link BrowserStack} are stopped (the machine runs one stack at a time), and closed after them,
 * its logs kept. Its class gets the stack and a {@link GatewayClient} as parameters, or from {@link #stack()}.
 */
public final class OwnStack implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Supplier<SystemStack> create;
    private final Consumer<SystemStack> start;
    private SystemStack stack;
    private GatewayClient gateway;

    public OwnStack(Supplier<SystemStack> create, Consumer<SystemStack> start) {
        this.create = create;
        this.start = start;
    }

    public SystemStack stack() {
        return stack;
    }

    public GatewayClient gateway() {
        return gateway;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        SharedStack.release(context);
        BrowserStack.release(context);
        stack = create.get();
        try {
            start.accept(stack);
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
        gateway = new GatewayClient(stack);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return StackParameters.supports(parameter);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return StackParameters.resolve(parameter, stack, gateway);
    }
}
