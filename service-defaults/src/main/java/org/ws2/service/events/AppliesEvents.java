package org.ws2.service.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that applies one event family to this service's own tables:
 * {@code void apply(RecommendationEvent event, CloudEvent envelope)}, say. The family's topic is read in
 * the service's consumer group ({@code spring.application.name}), and every record goes through the
 * {@link EventConsumer}: the method sees each event once, only when it is newer than what it has
 * applied, inside the transaction that remembers it (one per poll), and the database commits before the
 * offset.
 * {@link EventSubscriptions} finds these methods; a listener is never written by hand.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AppliesEvents {

    /**
     * The consumer's name, under which the events it has applied are remembered. Renaming it makes the
     * consumer apply a replayed topic again.
     */
    String value();

    /**
     * Read the family's internal topic ({@code ws2.internal.<family>.v1}: the whole events, with contacts'
     * e-mail addresses, actors and comments) instead of the public one. Only for this system's own
     * services that need those fields to do their job (notifications).
     */
    boolean internal() default false;
}
