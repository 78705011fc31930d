package org.ws2.systemtests.support;

import org.junit.jupiter.api.extension.ParameterContext;

/** The parameters a stack's extension gives its test classes: the stack, and a client of its gateway. */
final class StackParameters {

    private StackParameters() {
    }

    static boolean supports(ParameterContext parameter) {
        Class<?> type = parameter.getParameter().getType();
        return type == SystemStack.class || type == GatewayClient.class;
    }

    static Object resolve(ParameterContext parameter, SystemStack stack, GatewayClient gateway) {
        return parameter.getParameter().getType() == SystemStack.class ? stack : gateway;
    }
}
