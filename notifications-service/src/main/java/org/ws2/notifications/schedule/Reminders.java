package org.ws2.notifications.schedule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.ws2.notifications.email.Emails;
import org.ws2.notifications.group.GroupDirectory;
import org.ws2.notifications.notice.NewNotice;
import org.ws2.notifications.notice.NoticeContent;
import org.ws2.notifications.notice.NoticeKind;
import org.ws2.notifications.notice.Notices;
import org.ws2.notifications.notice.Recipients;
import org.ws2.notifications.subscription.Unsubscribes;

/**
 * Reminds a group of a sign-off request it has left unanswered: its editors in the inbox, its contacts by
 * email (but those who unsubscribed from contact email).
 */
@Component
class Reminders {

    /** A day as people write it ("3 June 2026"), not an ISO instant. */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final PendingSignOffs pending;
    private final Notices notices;
    private final Emails emails;
    private final GroupDirectory groups;
    private final ScheduleProperties properties;
    private final Unsubscribes unsubscribes;

    Reminders(PendingSignOffs pending, Notices notices, Emails emails, GroupDirectory groups,
            ScheduleProperties properties, Unsubscribes unsubscribes) {
        this.unsubscribes = unsubscribes;
        this.pending = pending;
        this.notices = notices;
        this.emails = emails;
        this.groups = groups;
        this.properties = properties;
    }

    @Transactional
    int remind() {
        List<PendingSignOffs.Pending> due = pending.dueForReminder(properties.remindAfter(), 200);
        for (PendingSignOffs.Pending request : due) {
            String group = groups.name(request.groupId());
            // Keyed by the request's time, so that a new request of the same assignment is reminded again.
            String occurrence = "sign-off-reminder:" + request.assignmentId() + ":" + request.requestedAt();
            String subject = "Reminder: sign-off requested for recommendation " + request.recommendationId();
            String message = "Support asked " + group + " on " + DAY.format(request.requestedAt()) + " to review and sign off "
                    + "recommendation " + request.recommendationId()
                    + (request.recommendationTitle() == null ? "" : " (" + request.recommendationTitle() + ")")
                    + "; it is still unanswered.";
            String link = "/groups/" + request.groupId() + "/assignments/" + request.recommendationId();
            notices.add(new NewNotice(occurrence, new NoticeContent(NoticeKind.SIGN_OFF_REMINDER, subject, message,
                    link, request.recommendationId(), request.groupId(), null, Instant.now())),
                    Recipients.groupEditors(request.groupId()));
            for (String address : unsubscribes.stillMailed(groups.contactEmails(request.groupId()))) {
                emails.enqueue(occurrence + "|" + address.toLowerCase(Locale.ROOT), address, "[WS2] " + subject,
                        List.of(message), link, unsubscribes.tokenForContact(address));
            }
            pending.reminded(request.assignmentId());
        }
        return due.size();
    }
}
