package org.ws2.groups.stage;

/**
 * How far a group has got with its WS2 work, in the order the Q2 2021 update describes SO/ACs:
 * support's initial triage, a request to review and sign off, review done, priorities set,
 * implementation begun. See docs/assignment-workflow.md for the derivation.
 */
public enum Stage {
    NOT_STARTED,
    TRIAGED,
    AWAITING_SIGN_OFF,
    REVIEWED,
    PRIORITIZED,
    IMPLEMENTING
}
