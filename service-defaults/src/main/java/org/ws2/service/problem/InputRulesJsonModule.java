package org.ws2.service.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * {@link InputRules} for JSON bodies: a string holding NUL or a date outside years 1-9999 fails
 * while the body is read, so the 400 problem names the field ({@code links[0].title}).
 */
public class InputRulesJsonModule extends SimpleModule {

    public InputRulesJsonModule() {
        super("ws2-input-rules");
        addDeserializer(String.class, new Checked<>(String.class, StringDeserializer.instance,
                text -> InputRules.containsNul(text) ? "The text contains a NUL character (\\u0000)." : null));
        addDeserializer(Instant.class, new Checked<>(Instant.class, InstantDeserializer.INSTANT,
                InputRules::outOfRange));
        addDeserializer(OffsetDateTime.class, new Checked<>(OffsetDateTime.class,
                InstantDeserializer.OFFSET_DATE_TIME, time -> InputRules.outOfRange(time.toInstant())));
        addDeserializer(LocalDate.class, new Checked<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                InputRules::outOfRange));
    }

    /** A value that was read fine but breaks a rule; its message is safe to show to the client. */
    public static class RejectedValue extends InvalidFormatException {
        RejectedValue(JsonParser parser, String message, Object value, Class<?> type) {
            super(parser, message, value, type);
        }
    }

    private interface Rule<T> {
        /** Null if fine, otherwise what is wrong. */
        String check(T value);
    }

    private static final class Checked<T> extends ValueDeserializer<T> {
        private final Class<T> type;
        private final ValueDeserializer<?> delegate;
        private final Rule<T> rule;

        Checked(Class<T> type, ValueDeserializer<?> delegate, Rule<T> rule) {
            this.type = type;
            this.delegate = delegate;
            this.rule = rule;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            T value = type.cast(delegate.deserialize(parser, context));
            String problem = value == null ? null : rule.check(value);
            if (problem != null) {
                throw new RejectedValue(parser, problem, value, type);
            }
            return value;
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}
