package org.ws2.notifications.email;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * Emails waiting to be sent, written in the same transaction as what caused them, so that none is
 * lost if the service stops before the SMTP server accepted it.
 */
@Repository
@RequiredArgsConstructor
public class Emails {

    /** Where people choose what they receive (web module): emails link to pages, never to the API. */
    static final String SETTINGS_PAGE = "/settings/notifications";
    /** The page (web module) that asks before it posts the token to {@link #ONE_CLICK_PATH}. */
    static final String UNSUBSCRIBE_PAGE = "/unsubscribe?token=";
    /** The notifications service's one-click unsubscribe (RFC 8058), which needs no sign-in. */
    static final String ONE_CLICK_PATH = "/api/subscriptions/unsubscribe?token=";

    private final JdbcClient jdbc;
    private final MailProperties properties;

    /**
     * Queues one email, unless one with {@code dedupeKey} already exists (e.g. {@code <event id>|<recipient>}):
     * an event redelivered or told through two routes still mails a person once. Every email can be
     * unsubscribed from: it carries the one-click unsubscribe (RFC 8058) of what caused it (a subscription,
     * an address as a group's contact, a pending confirmation) in its headers, and a link to the
     * unsubscribe page in its body.
     *
     * @param lines            paragraphs of plain text
     * @param link             the path of the page it is about, or null
     * @param unsubscribeToken the token of its unsubscribe links ({@code Unsubscribes})
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(String dedupeKey, String recipient, String subject, List<String> lines, String link,
            String unsubscribeToken) {
        return enqueueParagraphs(dedupeKey, recipient, subject, lines.stream().map(Paragraph::of).toList(), link,
                unsubscribeToken);
    }

    /**
     * The same with paragraphs that each may link to a page of their own (a digest's items), besides the
     * email's {@code link}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueueParagraphs(String dedupeKey, String recipient, String subject, List<Paragraph> paragraphs,
            String link, String unsubscribeToken) {
        Objects.requireNonNull(unsubscribeToken, "every email carries an unsubscribe (RFC 8058)");
        String url = page(link);
        String token = UriUtils.encodeQueryParam(unsubscribeToken, StandardCharsets.UTF_8);
        // the header's URL is the API's, posted by the mail client itself; people are sent to the page
        String oneClick = properties.publicBaseUrl() + ONE_CLICK_PATH + token;
        String unsubscribePage = properties.publicBaseUrl() + UNSUBSCRIBE_PAGE + token;
        String settings = properties.publicBaseUrl() + SETTINGS_PAGE;
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
        for (Paragraph paragraph : paragraphs) {
            String own = page(paragraph.link());
            text.append(paragraph.text()).append('\n');
            html.append("<p>").append(HtmlUtils.htmlEscape(paragraph.text()));
            if (own != null) {
                text.append("Open it: ").append(own).append('\n');
                html.append("<br><a href=\"").append(HtmlUtils.htmlEscape(own)).append("\">")
                        .append(HtmlUtils.htmlEscape(paragraph.linkText() == null ? "Open it in the tracker"
                                : paragraph.linkText()))
                        .append("</a>");
            }
            text.append('\n');
            html.append("</p>");
        }
        if (url != null) {
            text.append("Open it: ").append(url).append('\n');
            html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(url)).append("\">Open it in the tracker</a></p>");
        }
        text.append("\n-- \nWS2 Implementation Tracker. Change what you receive: ").append(settings).append('\n');
        text.append("Unsubscribe from these emails: ").append(unsubscribePage).append('\n');
        html.append("<p style=\"color:#666\">WS2 Implementation Tracker. <a href=\"")
                .append(HtmlUtils.htmlEscape(settings)).append("\">Change what you receive</a>")
                .append(" | <a href=\"").append(HtmlUtils.htmlEscape(unsubscribePage)).append("\">Unsubscribe</a>")
                .append("</p></body></html>");
        return jdbc.sql("""
                INSERT INTO email (dedupe_key, recipient, subject, text_body, html_body, unsubscribe_url)
                VALUES (:key, :recipient, :subject, :text, :html, :unsubscribeUrl) ON CONFLICT (dedupe_key) DO NOTHING""")
                .param("key", dedupeKey).param("recipient", recipient).param("subject", subject)
                .param("text", text.toString()).param("html", html.toString()).param("unsubscribeUrl", oneClick)
                .update() == 1;
    }

    /** Where a page's path opens for the person reading the email; null for none. */
    private String page(String path) {
        return path == null ? null : properties.publicBaseUrl() + path;
    }

    /**
     * One paragraph of an email.
     *
     * @param link     the path of the page it is about, or null
     * @param linkText the words of that link in the HTML part (its subject, say), or null for generic words
     */
    public record Paragraph(String text, String link, String linkText) {

        public static Paragraph of(String text) {
            return new Paragraph(text, null, null);
        }
    }

    /** Takes due emails and pushes their next attempt ahead by {@code lease} (see the webhook sender). */
    @Transactional
    List<Outgoing> claim(int limit, Duration lease) {
        return jdbc.sql("""
                UPDATE email SET next_attempt_at = now() + CAST(:lease AS INTERVAL), attempts = attempts + 1
                WHERE id IN (SELECT id FROM email WHERE sent_at IS NULL AND next_attempt_at <= now()
                             ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING id, recipient, subject, text_body, html_body, unsubscribe_url, attempts""")
                .param("lease", lease.toMillis() + " milliseconds").param("limit", limit)
                .query((rs, row) -> new Outgoing(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                        rs.getString("unsubscribe_url"), rs.getInt("attempts")))
                .list();
    }

    void sent(UUID id) {
        jdbc.sql("UPDATE email SET sent_at = now(), last_error = NULL WHERE id = :id").param("id", id).update();
    }

    void failed(UUID id, String error, Instant retryAt) {
        jdbc.sql("UPDATE email SET last_error = :error, next_attempt_at = :at WHERE id = :id")
                .param("id", id).param("error", error).param("at", Timestamp.from(retryAt)).update();
    }

    /** @param unsubscribeUrl the one-click unsubscribe URL; null only in emails queued before every email had one */
    record Outgoing(UUID id, String recipient, String subject, String text, String html, String unsubscribeUrl,
            int attempts) {
    }
}
