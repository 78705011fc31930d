package org.ws2.contracts;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What an updated event's {@code changedFields} names: the fields whose value differs from the previous
 * version, under the names the snapshot and the API give them (a record's component names), in the record's
 * declaration order. Read from the record itself, so that a field added to it is compared without a second
 * list to keep in step.
 */
public final class ChangedFields {

    /** Every component of {@code before} and {@code after}, two states of one record type, whose value differs. */
    public static <R extends Record> List<String> between(R before, R after) {
        return between(before, after, name -> true);
    }

    /** The components named in {@code editable} whose value differs; the others (a version, a time) are not compared. */
    public static <R extends Record> List<String> between(R before, R after, Collection<String> editable) {
        return between(before, after, editable::contains);
    }

    private static <R extends Record> List<String> between(R before, R after, Predicate<String> compared) {
        if (before.getClass() != after.getClass()) {
            throw new IllegalArgumentException(before.getClass() + " is not " + after.getClass());
        }
        List<String> changed = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            if (compared.test(component.getName())
                    && !Objects.equals(value(component, before), value(component, after))) {
                changed.add(component.getName());
            }
        }
        return changed;
    }

    private static Object value(RecordComponent component, Record record) {
        var accessor = component.getAccessor();
        // a service's own records are package-private; their accessors are public all the same
        accessor.setAccessible(true);
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private ChangedFields() {
    }
}
