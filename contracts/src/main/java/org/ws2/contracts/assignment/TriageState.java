package org.ws2.contracts.assignment;

/** Where support's triage of a group's share of a recommendation stands. */
public enum TriageState {
    TRIAGED,
    SIGN_OFF_REQUESTED,
    SIGNED_OFF,
    CHANGES_REQUESTED
}
