package org.ws2.service.observability;

import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Marker;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.StackTracePrinter;
import org.springframework.boot.logging.structured.ContextPairs;
import org.springframework.boot.logging.structured.ElasticCommonSchemaProperties;
import org.springframework.boot.logging.structured.JsonWriterStructuredLogFormatter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;
import org.springframework.core.env.Environment;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;

/**
 * The services' log lines: Elastic Common Schema, member for member what Spring Boot's {@code ecs} format writes
 * ({@code EcsLogLinesTest} holds the bytes equal), made into bytes from one string. Boot 4.0's own formatter
 * encodes the line a character at a time through an {@code OutputStreamWriter}, which was 7 % of
 * recommendations-service's CPU under writes (ChangeLog's one line per change; docs/performance.md, issue 23's
 * ninth round). Boot 4.1 writes the bytes itself (spring-boot commit 2fffebe); on it,
 * {@code logging.structured.format.console=ecs} can return and this class go.
 */
public class EcsLogLines extends JsonWriterStructuredLogFormatter<ILoggingEvent> {

    public EcsLogLines(Environment environment, StackTracePrinter stackTracePrinter,
            ContextPairs contextPairs, ThrowableProxyConverter throwableProxyConverter,
            StructuredLoggingJsonMembersCustomizer.Builder<?> customizerBuilder) {
        super(members -> members(environment, stackTracePrinter, contextPairs, throwableProxyConverter, members),
                customizerBuilder.nested().build());
    }

    @Override
    public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
        return format(event).getBytes(charset);
    }

    private static void members(Environment environment, StackTracePrinter stackTracePrinter,
            ContextPairs contextPairs, ThrowableProxyConverter throwableProxyConverter,
            JsonWriter.Members<ILoggingEvent> members) {
        members.add("@timestamp", ILoggingEvent::getInstant);
        members.add("log").usingMembers(log -> {
            log.add("level", ILoggingEvent::getLevel);
            log.add("logger", ILoggingEvent::getLoggerName);
        });
        members.add("process").usingMembers(process -> {
            process.add("pid", environment.getProperty("spring.application.pid", Long.class)).whenNotNull();
            process.add("thread").usingMembers(thread -> thread.add("name", ILoggingEvent::getThreadName));
        });
        ElasticCommonSchemaProperties.get(environment).jsonMembers(members);
        members.add("message", ILoggingEvent::getFormattedMessage);
        members.add().usingPairs(contextPairs.nested(pairs -> {
            pairs.addMapEntries(ILoggingEvent::getMDCPropertyMap);
            pairs.add(ILoggingEvent::getKeyValuePairs, pair -> pair.key, pair -> pair.value);
        }));
        members.add().whenNotNull(event -> event == null ? null : event.getThrowableProxy())
                .usingMembers(throwableMembers -> throwableMembers.add("error").usingMembers(error -> {
                    error.add("type", ILoggingEvent::getThrowableProxy).as(IThrowableProxy::getClassName);
                    error.add("message", ILoggingEvent::getThrowableProxy).as(IThrowableProxy::getMessage);
                    error.add("stack_trace", event -> stackTrace(event, stackTracePrinter, throwableProxyConverter));
                }));
        members.add("tags", ILoggingEvent::getMarkerList).whenNotNull().as(EcsLogLines::markerNames).whenNotEmpty();
        members.add("ecs").usingMembers(ecs -> ecs.add("version", "8.11"));
    }

    private static String stackTrace(ILoggingEvent event, StackTracePrinter printer,
            ThrowableProxyConverter converter) {
        if (printer != null && event.getThrowableProxy() instanceof ThrowableProxy proxy) {
            return printer.printStackTraceToString(proxy.getThrowable());
        }
        return converter.convert(event);
    }

    private static Set<String> markerNames(List<Marker> markers) {
        Set<String> names = new TreeSet<>();
        addNames(names, markers.iterator());
        return names;
    }

    private static void addNames(Set<String> names, Iterator<Marker> markers) {
        while (markers.hasNext()) {
            Marker marker = markers.next();
            names.add(marker.getName());
            if (marker.hasReferences()) {
                addNames(names, marker.iterator());
            }
        }
    }
}
