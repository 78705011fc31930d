package org.ws2.systemtests.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One address's mail in the stack's SMTP catcher (GreenMail's REST API: {@code /api/user/<address>/messages/INBOX/}),
 * read as a person reads it: the subject, the plain-text body, its links, and the {@code List-Unsubscribe} header a
 * mail client acts on. The messages are the notifications service's own (a {@code multipart} with a text/plain part in
 * 7bit, quoted-printable or base64), so a few lines of MIME reading do, and no mail library joins the tests.
 */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
    private static final Pattern LIST_UNSUBSCRIBE = Pattern.compile("(?im)^List-Unsubscribe:\\s*<([^>]+)>");

    private final URI inbox;

    public Mailbox(SystemStack stack, String address) {
        this.inbox = stack.smtpCatcherUrl().resolve("/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8)
                + "/messages/INBOX/");
    }

    /** One email as received. */
    public record Email(String subject, String text, String rawHeaders) {

        /** Every http(s) link in the plain-text body, in order. */
        public List<String> links() {
            List<String> links = new ArrayList<>();
            Matcher matcher = LINK.matcher(text);
            while (matcher.find()) {
                links.add(matcher.group());
            }
            return links;
        }

        /** The first link whose path starts with {@code pathPrefix}. */
        public String link(String pathPrefix) {
            return links().stream().filter(link -> URI.create(link).getPath().startsWith(pathPrefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("No link to " + pathPrefix + " in:\n" + text));
        }

        /** The one-click URL of the {@code List-Unsubscribe} header (RFC 8058), if it has one. */
        public Optional<String> listUnsubscribe() {
            Matcher matcher = LIST_UNSUBSCRIBE.matcher(rawHeaders);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        }
    }

    /** Every email received so far, oldest first (none before the first arrives). */
    public List<Email> all() {
        HttpResponse<String> answer = GatewayClient.send(HttpRequest.newBuilder(inbox).GET().build());
        if (answer.statusCode() != 200 && answer.body().contains("not found")) {
            return List.of(); // GreenMail knows an address once mail reached it (until then: 400, "User ... not found")
        }
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<Email> emails = new ArrayList<>();
        for (JsonNode message : Responses.JSON.readTree(answer.body())) {
            String mime = message.path("mimeMessage").asString().replace("\r\n", "\n");
            int end = mime.indexOf("\n\n");
            String headers = (end < 0 ? mime : mime.substring(0, end)).replaceAll("\n[ \t]+", " ");
            emails.add(new Email(message.path("subject").asString(), plainText(mime), headers));
        }
        return emails;
    }

    /** Waits for the first email that matches and returns it. */
    public Email awaitOne(Duration timeout, Predicate<Email> wanted) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(300)).until(
                () -> all().stream().filter(wanted).findFirst(), Optional::isPresent).orElseThrow();
    }

    public Email awaitSubject(Duration timeout, String subjectStart) {
        return awaitOne(timeout, email -> email.subject().startsWith(subjectStart));
    }

    /** The text/plain part, decoded: its headers run from the boundary line before it to the first blank line. */
    static String plainText(String mime) {
        Matcher type = Pattern.compile("(?im)^Content-Type:\\s*text/plain").matcher(mime);
        if (!type.find()) {
            throw new AssertionError("No text/plain part in:\n" + mime);
        }
        int headersEnd = mime.indexOf("\n\n", type.start());
        // the part ends at its boundary line again ("-- " alone starts the email's signature, not a boundary)
        int partStart = mime.lastIndexOf("\n--", type.start()) + 1;
        String boundary = mime.substring(partStart, mime.indexOf('\n', partStart));
        int bodyEnd = mime.indexOf("\n" + boundary, headersEnd);
        String partHeaders = mime.substring(partStart, headersEnd).toLowerCase();
        String body = mime.substring(headersEnd + 2, bodyEnd < 0 ? mime.length() : bodyEnd);
        if (partHeaders.contains("quoted-printable")) {
            return quotedPrintable(body);
        }
        if (partHeaders.contains("base64")) {
            return new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return body;
    }

    private static String quotedPrintable(String body) {
        String joined = body.replace("=\n", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length()) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
