package org.ws2.contracts;

/**
 * The public Kafka topics. One topic per aggregate family, keyed by the aggregate id so that one
 * aggregate's events stay in order; the {@code .v1} suffix changes only on a breaking change.
 */
public final class Topics {

    public static final String RECOMMENDATIONS = "ws2.recommendations.v1";
    public static final String GROUPS = "ws2.groups.v1";
    public static final String ASSIGNMENTS = "ws2.assignments.v1";
    public static final String ENGAGEMENTS = "ws2.engagements.v1";

    /** Where a consumer parks a record it cannot process, so that the partition keeps moving. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }

    private Topics() {
    }
}
