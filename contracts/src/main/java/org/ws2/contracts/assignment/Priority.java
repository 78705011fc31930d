package org.ws2.contracts.assignment;

/** How a group ranks one of its assignments; NOT_APPLICABLE says it judged the recommendation not applicable to it. */
public enum Priority {
    HIGH,
    MEDIUM,
    LOW,
    NOT_APPLICABLE
}
