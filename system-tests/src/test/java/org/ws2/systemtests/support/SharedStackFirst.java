package org.ws2.systemtests.support;

import java.util.Arrays;
import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the classes on the {@link SharedStack} before those with a stack of their own, so that the shared stack
 * starts once (configured in {@code junit-platform.properties}). Only time depends on it: the classes do not
 * depend on their order.
 */
public final class SharedStackFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(descriptor ->
                descriptor.findRepeatableAnnotations(ExtendWith.class).stream()
                        .anyMatch(extend -> Arrays.asList(extend.value()).contains(SharedStack.class)) ? 0 : 1));
    }
}
