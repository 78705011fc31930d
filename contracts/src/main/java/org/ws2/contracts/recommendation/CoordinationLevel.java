package org.ws2.contracts.recommendation;

/** Whether a recommendation needs community coordination and prioritization across SO/ACs. */
public enum CoordinationLevel {
    NONE,
    WOULD_BENEFIT,
    REQUIRED
}
