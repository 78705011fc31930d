package org.ws2.notifications.email;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.ws2.notifications.sending.PollingSender;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends queued emails over SMTP, HTML with a plain-text alternative. An email the server did not
 * accept is tried again later, with growing pauses, until it is; one accepted but not yet marked
 * sent when the service stopped may go out twice, never zero times.
 */
@Component
class EmailSender extends PollingSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);
    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final Emails emails;
    private final JavaMailSender mail;
    private final MailProperties properties;

    EmailSender(Emails emails, JavaMailSender mail, MailProperties properties) {
        super("emails", "email-sender-", properties.pollInterval());
        this.emails = emails;
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    protected void sendBatch() {
        for (Emails.Outgoing email : emails.claim(BATCH, LEASE)) {
            send(email);
        }
    }

    private void send(Emails.Outgoing email) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(email.recipient());
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            if (email.unsubscribeUrl() != null) {
                // RFC 8058: the client may offer "unsubscribe" and post the URL itself, without opening a page
                message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            mail.send(message);
            emails.sent(email.id());
        } catch (MailException | MessagingException e) {
            long pause = Math.min(properties.maxRetryDelay().toMillis(), 1000L << Math.min(email.attempts(), 20));
            log.warn("Email {} to {} not sent (attempt {}), retrying in {} ms: {}", email.id(), email.recipient(),
                    email.attempts(), pause, e.toString());
            emails.failed(email.id(), e.toString(), Instant.now().plusMillis(pause));
        }
    }
}
