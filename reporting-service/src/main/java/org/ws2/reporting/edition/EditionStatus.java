package org.ws2.reporting.edition;

/** An edition's lifecycle: the team drafts it, sends it for review (and may take it back), an admin publishes it. */
public enum EditionStatus {
    DRAFT, IN_REVIEW, PUBLISHED
}
