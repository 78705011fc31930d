package org.ws2.notifications.inbox;

/** What a notification is about; clients may show or filter each kind differently. */
public enum NotificationKind {
    RECOMMENDATION_STATUS_CHANGED
}
