package org.ws2.notifications.email;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
public class Emails {

    /** Where people choose what they receive (web module): emails link to pages, never to the API. */
    static final String SETTINGS_PAGE = "/settings/notifications";
    /** The page (web module) that asks before it posts the token to {@link #ONE_CLICK_PATH}. */
    static final String UNSUBSCRIBE_PAGE = "/unsubscribe?token=";
    /** The notifications service's one-click unsubscribe (RFC 8058), which needs no sign-in. */
    static final String ONE_CLICK_PATH = "/api/subscriptions/unsubscribe?token=";

    private final JdbcClient jdbc;
    private final MailProperties properties;

    Emails(JdbcClient jdbc, MailProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * Queues one email, unless one with {@code dedupeKey} already exists (e.g. {@code <event id>|<recipient>}):
     * an event redelivered or told through two routes still mails a person once.
     *
     * @param lines paragraphs of plain text
     * @param link  the path of the page it is about, or null
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(String dedupeKey, String recipient, String subject, List<String> lines, String link) {
        return enqueue(dedupeKey, recipient, subject, lines, link, null);
    }

    /**
     * Queues one email that can be unsubscribed from: it carries the one-click unsubscribe (RFC 8058) of
     * the subscription that caused it, or of its address as a group's contact, in its headers, and a link
     * to the unsubscribe page in its body.
     *
     * @param unsubscribeToken the token of its unsubscribe links ({@code Unsubscribes}), or null for an
     *                         email nobody unsubscribes from (a confirmation)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(String dedupeKey, String recipient, String subject, List<String> lines, String link,
            String unsubscribeToken) {
        String url = link == null ? null : properties.publicBaseUrl() + link;
        String token = unsubscribeToken == null ? null : UriUtils.encodeQueryParam(unsubscribeToken, StandardCharsets.UTF_8);
        // the header's URL is the API's, posted by the mail client itself; people are sent to the page
        String oneClick = token == null ? null : properties.publicBaseUrl() + ONE_CLICK_PATH + token;
        String unsubscribePage = token == null ? null : properties.publicBaseUrl() + UNSUBSCRIBE_PAGE + token;
        String settings = properties.publicBaseUrl() + SETTINGS_PAGE;
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
        for (String line : lines) {
            text.append(line).append("\n\n");
            html.append("<p>").append(HtmlUtils.htmlEscape(line)).append("</p>");
        }
        if (url != null) {
            text.append("Open it: ").append(url).append('\n');
            html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(url)).append("\">Open it in the tracker</a></p>");
        }
        text.append("\n-- \nWS2 Implementation Tracker. Change what you receive: ").append(settings).append('\n');
        html.append("<p style=\"color:#666\">WS2 Implementation Tracker. <a href=\"")
                .append(HtmlUtils.htmlEscape(settings)).append("\">Change what you receive</a>");
        if (unsubscribePage != null) {
            text.append("Unsubscribe from these emails: ").append(unsubscribePage).append('\n');
            html.append(" | <a href=\"").append(HtmlUtils.htmlEscape(unsubscribePage)).append("\">Unsubscribe</a>");
        }
        html.append("</p></body></html>");
        return jdbc.sql("""
                INSERT INTO email (dedupe_key, recipient, subject, text_body, html_body, unsubscribe_url)
                VALUES (:key, :recipient, :subject, :text, :html, :unsubscribeUrl) ON CONFLICT (dedupe_key) DO NOTHING""")
                .param("key", dedupeKey).param("recipient", recipient).param("subject", subject)
                .param("text", text.toString()).param("html", html.toString()).param("unsubscribeUrl", oneClick)
                .update() == 1;
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

    /** @param unsubscribeUrl the one-click unsubscribe URL, or null for an email without one (a confirmation) */
    record Outgoing(UUID id, String recipient, String subject, String text, String html, String unsubscribeUrl,
            int attempts) {
    }
}
