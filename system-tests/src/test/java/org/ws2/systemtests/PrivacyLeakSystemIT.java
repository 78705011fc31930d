package org.ws2.systemtests;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.ws2.systemtests.support.AnswerText;
import org.ws2.systemtests.support.LeakScanner;
import org.ws2.systemtests.support.LeakScanner.Reader;
import org.ws2.systemtests.support.OpenApiReads;
import org.ws2.systemtests.support.PageCrawl;
import org.ws2.systemtests.support.PrivateMarkers;
import org.ws2.systemtests.support.SharedStackJourney;
import org.ws2.systemtests.support.Sse;
import org.ws2.systemtests.support.TopicReader;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.systemtests.support.LeakScanner.Reader.ANONYMOUS;
import static org.ws2.systemtests.support.PrivateMarkers.A;
import static org.ws2.systemtests.support.PrivateMarkers.C;
import static org.ws2.systemtests.support.PrivateMarkers.D;
import static org.ws2.systemtests.support.PrivateMarkers.DRAFT_EFFORT;
import static org.ws2.systemtests.support.Responses.json;

/**
 * No private field reaches a reader docs/visibility.md keeps it from, wherever that reader looks (issue 22). The
 * journey writes a distinct marker into every private field (comment text and a reply, a draft not-applicable
 * reason given without a note and one later replaced, contacts' and members' e-mail addresses, a subscription's
 * address, a webhook's URL and signing secret, and the writers' own token subjects: {@link PrivateMarkers}), a
 * draft priority that has no room for a marker, and then reads, as an anonymous reader and as another group's
 * editor: every GET operation of every service's OpenAPI document ({@link OpenApiReads}), every format of the
 * quarterly report, the pages (crawled from {@code /}: {@link PageCrawl}), and anonymously the public event stream
 * replayed from the start and the public Kafka topics. Every marker found is reported with where it was found and
 * by whom; the test passes only if there is none.
 * <p>
 * Systematic rather than per endpoint: a new GET operation is read as soon as a service documents it; one whose
 * parameters cannot be filled fails the test (or is named in {@link #NOT_READ_AS_AN_OPERATION} with why).
 */
class PrivacyLeakSystemIT extends SharedStackJourney {

    /** The services whose OpenAPI documents the gateway serves ({@code /api-docs/<name>}, gateway application.yml). */
    static final List<String> SERVICES = List.of("recommendations", "groups", "reporting", "notifications");

    /** GET operations not read by the loop over the documents, each with why; nothing else is skipped. */
    static final Map<String, String> NOT_READ_AS_AN_OPERATION = Map.of(
            // an answer that never ends: readTheStream replays it from the start instead
            "/api/events/stream", "the public event stream, read by readTheStream from its start");

    static final List<String> QUARTERLY_FORMATS = List.of("json", "html", "pdf", "md", "csv");
    static final Map<String, String> QUARTERLY_MEDIA_TYPES = Map.of("json", "application/json", "html", "text/html",
            "pdf", "application/pdf", "md", "text/markdown", "csv", "text/csv");

    final LeakScanner scanner = new LeakScanner();
    final List<String> readLog = new ArrayList<>();

    PrivateMarkers planted;
    String group;
    String otherEditor;

    @Test
    void noPrivateValueReachesAnAnonymousReaderOrAnotherGroupsEditorAnywhere() throws Exception {
        planted = PrivateMarkers.plantedInEveryPrivateField(gateway, scanner);
        group = planted.group();
        otherEditor = gateway.tokenFor("reader-of-" + planted.otherGroup(), "group-editor", planted.otherGroup());

        OpenApiReads api = OpenApiReads.ofServices(gateway, SERVICES, NOT_READ_AS_AN_OPERATION, planted);
        PageCrawl pages = new PageCrawl(gateway);
        List<String> seeds = List.of("/", "/groups/" + group, "/groups/" + group + "/stage",
                "/groups/" + planted.crossCommunity(), "/recommendations/" + A, "/recommendations/" + D, "/reports",
                "/workspace");
        for (Reader reader : Reader.values()) {
            String token = token(reader);
            api.readEveryGetOperation(token, (url, response) ->
                    read(reader, "GET " + url, response.statusCode(), response.body()));
            readEveryQuarterlyReportFormat(reader, token);
            checkDraftPriorityHidden(reader, token);
            int pagesRead = pages.crawl(seeds, token, "192.0.2." + (10 + reader.ordinal()),
                    (where, status, body) -> read(reader, where, status, body));
            assertThat(pagesRead).as("pages read as " + reader).isGreaterThan(5);
        }
        readTheStream();
        readThePublicTopics();

        System.out.println("PrivacyLeakSystemIT read (reader status bytes where):\n  " + String.join("\n  ", readLog));
        assertThat(api.templatesRead()).as("the GET operations read from the OpenAPI documents")
                .contains("/api/groups/{groupId}/assignments/{recommendationId}/history",
                        "/api/groups/{groupId}/assignments/{recommendationId}", "/api/groups/{id}",
                        "/api/recommendations/{id}/history", "/api/reports/quarterly/{quarter}");
        assertThat(api.unfillable()).as("GET operations whose parameters this test cannot fill: fill them, or "
                + "allow-list them in NOT_READ_AS_AN_OPERATION with the reason").isEmpty();
        scanner.assertNoLeaks();
    }

    private String token(Reader reader) {
        return reader == ANONYMOUS ? null : otherEditor;
    }

    // ---- reports and draft priorities ------------------------------------------------------------------------

    private void readEveryQuarterlyReportFormat(Reader reader, String token) throws IOException {
        for (String quarter : PrivateMarkers.quarters()) {
            for (String format : QUARTERLY_FORMATS) {
                String byParameter = "/api/reports/quarterly/" + quarter + "?format=" + format;
                readBytes(reader, token, byParameter, "*/*");
                String byAccept = "/api/reports/quarterly/" + quarter;
                readBytes(reader, token, byAccept + " (Accept " + QUARTERLY_MEDIA_TYPES.get(format) + ")",
                        QUARTERLY_MEDIA_TYPES.get(format));
            }
        }
    }

    private void readBytes(Reader reader, String token, String what, String accept) throws IOException {
        String path = what.replaceFirst(" \\(Accept .*\\)$", "");
        HttpResponse<byte[]> response = gateway.getBytes(path, token, accept);
        read(reader, "GET " + what, response.statusCode(), AnswerText.of(response));
    }

    /** A draft priority : effort : urgency is null with priorityDraft true below the group and support. */
    private void checkDraftPriorityHidden(Reader reader, String token) {
        String path = "/api/groups/" + group + "/assignments/" + C;
        JsonNode assignment = json(gateway.get(path, token));
        for (String field : List.of("priority", "effort", "urgency")) {
            if (!assignment.path(field).isNull() && !assignment.path(field).isMissingNode()) {
                scanner.flag(reader, "GET " + path, "the draft " + field + " " + assignment.path(field));
            }
        }
        if (!assignment.path("priorityDraft").asBoolean()) {
            scanner.flag(reader, "GET " + path, "no priorityDraft: true on a draft priority (" + assignment + ")");
        }
        for (String where : List.of(path, path + "/history")) {
            String body = gateway.get(where, token).body();
            if (body.contains(DRAFT_EFFORT)) {
                scanner.flag(reader, "GET " + where, "the draft effort " + DRAFT_EFFORT);
            }
        }
        String csv = "/api/groups/" + group + "/assignments.csv";
        gateway.get(csv, token).body().lines().filter(line -> line.startsWith(C + ",") || line.startsWith("\"" + C))
                .filter(line -> line.contains(DRAFT_EFFORT))
                .forEach(line -> scanner.flag(reader, "GET " + csv, "the draft effort in " + line));
    }

    // ---- the public stream and topics ------------------------------------------------------------------------

    /** The public stream from its first event to the planted reply's, anonymously (the only way it is served). */
    private void readTheStream() throws Exception {
        AtomicInteger comments = new AtomicInteger();
        try (Sse stream = Sse.open(gateway.url("/api/events/stream"), "0")) {
            List<String[]> events = stream.takeUntil(event -> isPlantedComment(event[1])
                    && comments.incrementAndGet() == 2, Duration.ofSeconds(30));
            for (String[] event : events) {
                scanner.scan(ANONYMOUS, "event stream, event " + event[0], event[1]);
                checkNoDraftInEvent("event stream, event " + event[0], event[1]);
            }
            readLog.add(ANONYMOUS + " " + events.size() + " events of /api/events/stream from the start");
        }
    }

    private void readThePublicTopics() {
        List<String> topics = List.of(TopicReader.RECOMMENDATIONS, "ws2.groups.v1", "ws2.assignments.v1");
        AtomicInteger records = new AtomicInteger();
        AtomicInteger comments = new AtomicInteger();
        try (TopicReader reader = TopicReader.fromTheStart(stack, topics)) {
            Consumer<ConsumerRecord<String, String>> each = record -> {
                records.incrementAndGet();
                String where = "topic " + record.topic() + " offset " + record.offset();
                StringBuilder headers = new StringBuilder();
                for (Header header : record.headers()) {
                    headers.append(header.key()).append('=')
                            .append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8))
                            .append('\n');
                }
                scanner.scan(ANONYMOUS, where, record.key() + "\n" + headers + record.value());
                checkNoDraftInEvent(where, record.value());
                if (record.value() != null && isPlantedComment(record.value())) {
                    comments.incrementAndGet();
                }
            };
            reader.readUntil(Duration.ofSeconds(60), each, () -> comments.get() >= 2);
            reader.readToTheEnd(Duration.ofSeconds(30), each);
        }
        readLog.add(ANONYMOUS + " " + records.get() + " records of " + topics + " from the start");
    }

    private boolean isPlantedComment(String event) {
        return event.contains("org.ws2.assignment.commented.v1") && event.contains("\"" + group + "\"");
    }

    /** The public copy of C's draft prioritization carries no draft values. */
    private void checkNoDraftInEvent(String where, String event) {
        if (event != null && event.contains("\"" + group + "\"") && event.contains("\"" + C + "\"")
                && event.contains(DRAFT_EFFORT)) {
            scanner.flag(ANONYMOUS, where, "the draft effort " + DRAFT_EFFORT + " of " + group + " × " + C);
        }
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    private void read(Reader reader, String where, int status, String body) {
        readLog.add(reader + " " + status + " " + (body == null ? 0 : body.length()) + " " + where);
        scanner.scan(reader, where, body);
    }
}
