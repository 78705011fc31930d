package org.ws2.contracts.recommendation;

/**
 * The org view of a recommendation's lifecycle, shared by every module. Which moves are allowed
 * is the recommendations service's business; this is only the vocabulary.
 */
public enum RecommendationStatus {
    NOT_STARTED(PublicStatus.NOT_STARTED),
    PLANNING(PublicStatus.IN_PROGRESS),
    IN_PROGRESS(PublicStatus.IN_PROGRESS),
    DOCUMENTING(PublicStatus.IN_PROGRESS),
    IMPLEMENTED(PublicStatus.COMPLETE),
    // ICANN's public reports have no "on hold": a paused recommendation has been started.
    ON_HOLD(PublicStatus.IN_PROGRESS);

    private final PublicStatus publicStatus;

    RecommendationStatus(PublicStatus publicStatus) {
        this.publicStatus = publicStatus;
    }

    /** The three-word status ICANN's public reports use. */
    public PublicStatus publicStatus() {
        return publicStatus;
    }
}
