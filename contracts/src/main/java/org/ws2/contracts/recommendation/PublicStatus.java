package org.ws2.contracts.recommendation;

/** ICANN's public three-word view of a recommendation: Not started / In progress / Complete. */
public enum PublicStatus {
    NOT_STARTED("Not started"),
    IN_PROGRESS("In progress"),
    COMPLETE("Complete");

    private final String label;

    PublicStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
