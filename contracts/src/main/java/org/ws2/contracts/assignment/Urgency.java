package org.ws2.contracts.assignment;

/** How soon a group thinks an assignment must be done. */
public enum Urgency {
    HIGH,
    MEDIUM,
    LOW
}
