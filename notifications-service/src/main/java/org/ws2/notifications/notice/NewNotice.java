package org.ws2.notifications.notice;

/**
 * What to tell, before it is addressed.
 *
 * @param eventId the event (or scheduled occurrence) it comes from: with the recipient, its identity
 */
public record NewNotice(String eventId, NoticeContent content) {
}
