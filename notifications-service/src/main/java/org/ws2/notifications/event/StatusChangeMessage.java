package org.ws2.notifications.event;

import org.ws2.contracts.recommendation.RecommendationEvents.StatusChanged;
import org.ws2.contracts.recommendation.RecommendationStatus;

/** The sentence an inbox shows for a status change. */
final class StatusChangeMessage {

    /** Long enough to recognise a recommendation, short enough for one line of an inbox. */
    static final int TITLE_LIMIT = 40;

    /**
     * E.g. "Recommendation 1.1 (Adopt seven shared diversity elements…) moved from Not started to
     * Planning by alice: Kick-off with SO/AC chairs".
     */
    static String of(StatusChanged change) {
        StringBuilder message = new StringBuilder("Recommendation ").append(change.recommendationId());
        if (hasText(change.title())) {
            message.append(" (").append(shorten(change.title().strip())).append(')');
        }
        message.append(" moved from ").append(label(change.from())).append(" to ").append(label(change.to()));
        if (hasText(change.actor())) {
            message.append(" by ").append(change.actor().strip());
        }
        if (hasText(change.note())) {
            message.append(": ").append(change.note().strip());
        }
        return message.toString();
    }

    /** Cuts at the last whole word that fits, so a title is never shown ending mid-word. */
    static String shorten(String title) {
        if (title.length() <= TITLE_LIMIT) {
            return title;
        }
        String head = title.substring(0, TITLE_LIMIT);
        int lastSpace = head.lastIndexOf(' ');
        if (lastSpace > 0) {
            head = head.substring(0, lastSpace);
        }
        return head.stripTrailing() + "…";
    }

    /** The words ICANN's implementation updates use for each phase. */
    static String label(RecommendationStatus status) {
        if (status == null) {
            return "an unknown status";
        }
        return switch (status) {
            case NOT_STARTED -> "Not started";
            case PLANNING -> "Planning";
            case IN_PROGRESS -> "In progress";
            case DOCUMENTING -> "Documenting";
            case IMPLEMENTED -> "Implemented";
            case ON_HOLD -> "On hold";
        };
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private StatusChangeMessage() {
    }
}
