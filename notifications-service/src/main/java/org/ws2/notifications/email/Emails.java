package org.ws2.notifications.email;

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

/**
 * Emails waiting to be sent, written in the same transaction as what caused them, so that none is
 * lost if the service stops before the SMTP server accepted it.
 */
@Repository
public class Emails {

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
        String url = link == null ? null : properties.publicBaseUrl() + link;
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
        text.append("\n-- \nWS2 Implementation Tracker. Change what you receive under /api/subscriptions.\n");
        html.append("<p style=\"color:#666\">WS2 Implementation Tracker</p></body></html>");
        return jdbc.sql("""
                INSERT INTO email (dedupe_key, recipient, subject, text_body, html_body)
                VALUES (:key, :recipient, :subject, :text, :html) ON CONFLICT (dedupe_key) DO NOTHING""")
                .param("key", dedupeKey).param("recipient", recipient).param("subject", subject)
                .param("text", text.toString()).param("html", html.toString())
                .update() == 1;
    }

    /** Takes due emails and pushes their next attempt ahead by {@code lease} (see the webhook sender). */
    @Transactional
    List<Outgoing> claim(int limit, Duration lease) {
        return jdbc.sql("""
                UPDATE email SET next_attempt_at = now() + CAST(:lease AS INTERVAL), attempts = attempts + 1
                WHERE id IN (SELECT id FROM email WHERE sent_at IS NULL AND next_attempt_at <= now()
                             ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING id, recipient, subject, text_body, html_body, attempts""")
                .param("lease", lease.toMillis() + " milliseconds").param("limit", limit)
                .query((rs, row) -> new Outgoing(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                        rs.getInt("attempts")))
                .list();
    }

    void sent(UUID id) {
        jdbc.sql("UPDATE email SET sent_at = now(), last_error = NULL WHERE id = :id").param("id", id).update();
    }

    void failed(UUID id, String error, Instant retryAt) {
        jdbc.sql("UPDATE email SET last_error = :error, next_attempt_at = :at WHERE id = :id")
                .param("id", id).param("error", error).param("at", Timestamp.from(retryAt)).update();
    }

    record Outgoing(UUID id, String recipient, String subject, String text, String html, int attempts) {
    }
}
