package org.ws2.systemtests.support;

import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the journeys on the {@link SharedStack} ({@link SharedStackJourney}s) first, then the classes on the
 * {@link BrowserStack} one after the other, then the classes with a stack of their own, so that each shared stack
 * starts once (configured in {@code junit-platform.properties}). Among each stack's classes {@link Order} decides: the
 * shared stack's journeys do not depend on their order, except that {@code StopAndRestartSystemIT} comes last (it
 * leaves that stack partly stopped); the browser stack's classes share its data, so their order matters.
 */
public final class SharedStackFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(SharedStackFirst::stackRank)
                .thenComparingInt(descriptor -> descriptor.findAnnotation(Order.class).map(Order::value)
                        .orElse(Order.DEFAULT)));
    }

    private static int stackRank(ClassDescriptor descriptor) {
        if (SharedStackJourney.class.isAssignableFrom(descriptor.getTestClass())) {
            return 0;
        }
        boolean onBrowserStack = descriptor.findRepeatableAnnotations(ExtendWith.class).stream()
                .anyMatch(extension -> java.util.Arrays.asList(extension.value()).contains(BrowserStack.class));
        return onBrowserStack ? 1 : 2;
    }
}
