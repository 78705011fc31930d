package org.ws2.contracts.assignment;

/**
 * Whom a group judges one of its assignments to be for, as the WS2 implementation team's updates say it:
 * the GNSO Council "recognizes that much of the implementation is for GNSO SG/Cs"; the ccNSO has "begun
 * implementing those recs it believes are for individual groups to implement". A share handed down to child
 * groups is theirs to count, never the parent's as well (docs/assignment-workflow.md).
 */
public enum AssignmentScope {
    /** The group itself implements it (the default). */
    GROUP,
    /** Its child groups implement it; when handed to them, the assignment names them ({@code delegatedTo}). */
    CHILDREN,
    /** The community as a whole implements it. */
    COMMUNITY
}
