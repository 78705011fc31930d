package org.ws2.service.observability;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.MarkerFactory;
import org.slf4j.event.KeyValuePair;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/** The services' log lines are byte for byte what Spring Boot's own {@code ecs} format writes. */
class EcsLogLinesTest {

    private final LoggerContext logging = new LoggerContext();

    EcsLogLinesTest() {
        logging.setMDCAdapter(new LogbackMDCAdapter());
    }

    @AfterEach
    void stop() {
        logging.stop();
    }

    static Stream<String> lines() {
        return Stream.of("a change", "an applied event with its MDC", "key-value pairs",
                "a failure with its stack trace", "markers", "characters to escape and beyond ASCII");
    }

    @ParameterizedTest
    @MethodSource("lines")
    void writesWhatBootsEcsFormatWrites(String line) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", Map.of(
                "spring.application.name", "recommendations-service", "spring.application.version", "0.1.0-SNAPSHOT",
                "spring.application.pid", "4242")));
        logging.putObject(Environment.class.getName(), environment);

        LoggingEvent event = event(line);
        byte[] boots = encoder("ecs").encode(event);
        byte[] ours = encoder(EcsLogLines.class.getName()).encode(event);

        assertThat(new String(ours, StandardCharsets.UTF_8)).isEqualTo(new String(boots, StandardCharsets.UTF_8))
                .contains("\"service\":{\"name\":\"recommendations-service\"");
        assertThat(ours).isEqualTo(boots);
    }

    private StructuredLogEncoder encoder(String format) {
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(logging);
        encoder.setFormat(format);
        encoder.start();
        return encoder;
    }

    private LoggingEvent event(String line) {
        ch.qos.logback.classic.Logger logger = logging.getLogger("org.ws2.service.changes.ChangeLog");
        return switch (line) {
            case "a change" -> new LoggingEvent("test", logger, Level.INFO,
                    "recommendation {} registered by {} (version {})", null, new Object[] {"6.1.1", "sam", 0});
            case "an applied event with its MDC" -> {
                LoggingEvent event = new LoggingEvent("test", logger, Level.INFO, "reporting applied event {}", null,
                        new Object[] {"3f2a"});
                event.setMDCPropertyMap(Map.of("event.id", "3f2a", "event.type", "ws2.recommendation.registered",
                        "traceId", "8ad658bca9b90ca352a29dc292efbcdc", "spanId", "90a80785b38fdbc0"));
                yield event;
            }
            case "key-value pairs" -> {
                LoggingEvent event = new LoggingEvent("test", logger, Level.WARN, "relay behind", null, null);
                event.addKeyValuePair(new KeyValuePair("pending", 12));
                event.addKeyValuePair(new KeyValuePair("topic", "ws2.recommendations"));
                yield event;
            }
            case "a failure with its stack trace" -> new LoggingEvent("test", logger, Level.ERROR, "could not apply",
                    new IllegalStateException("the read model is away", new IOException("refused")), null);
            case "markers" -> {
                LoggingEvent event = new LoggingEvent("test", logger, Level.INFO, "marked", null, null);
                event.addMarker(MarkerFactory.getMarker("AUDIT"));
                yield event;
            }
            default -> new LoggingEvent("test", logger, Level.INFO,
                    "note \"quoted\", a \\ backslash,\nnew line, tab\t, é, 日本, 🙂 and \u0001", null, null);
        };
    }
}
