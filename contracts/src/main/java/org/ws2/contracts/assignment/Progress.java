package org.ws2.contracts.assignment;

/** How far a group has got with implementing its share of a recommendation. */
public enum Progress {
    NOT_STARTED,
    IN_PROGRESS,
    IMPLEMENTED,
    NOT_APPLICABLE
}
