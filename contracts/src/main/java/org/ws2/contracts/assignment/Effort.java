package org.ws2.contracts.assignment;

/** How much work a group expects an assignment to take. */
public enum Effort {
    MINIMAL,
    MODERATE,
    SIGNIFICANT
}
