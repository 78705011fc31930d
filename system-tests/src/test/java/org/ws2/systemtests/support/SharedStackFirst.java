package org.ws2.systemtests.support;

import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the journeys on the {@link SharedStack} ({@link SharedStackJourney}s) before the classes with a stack of their
 * own, so that the shared stack starts once (configured in {@code junit-platform.properties}). Only time depends on
 * it: the classes do not depend on their order.
 */
public final class SharedStackFirst implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(descriptor ->
                SharedStackJourney.class.isAssignableFrom(descriptor.getTestClass()) ? 0 : 1));
    }
}
