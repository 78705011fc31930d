package org.ws2.contracts;

/**
 * The public Kafka topics. One topic per aggregate family, keyed by the aggregate id so that one
 * aggregate's events stay in order; the {@code .v1} suffix changes only on a breaking change. They
 * carry published data only ({@link PublicData}); each has an {@linkplain #internal internal twin}
 * with the same events in full, for this system's own services.
 */
public final class Topics {

    public static final String RECOMMENDATIONS = "ws2.recommendations.v1";
    public static final String GROUPS = "ws2.groups.v1";
    public static final String ASSIGNMENTS = "ws2.assignments.v1";
    public static final String ENGAGEMENTS = "ws2.engagements.v1";
    /** What reporting publishes: a quarterly update edition, when it is published or corrected. */
    public static final String REPORTS = "ws2.reports.v1";

    /** The prefix of the internal topics, so that one prefixed ACL can keep outside consumers off them. */
    public static final String INTERNAL_PREFIX = "ws2.internal.";

    /**
     * The internal twin of a public topic, e.g. {@code ws2.internal.groups.v1}: the same events, same keys
     * and ids, with what {@link PublicData} withholds from the public topic (contacts' e-mail addresses,
     * actors, comments, draft priorities). Not documented for outside consumers; see
     * docs/adr/0027-public-and-internal-topics.md.
     */
    public static String internal(String publicTopic) {
        return INTERNAL_PREFIX + publicTopic.substring("ws2.".length());
    }

    /** Where a consumer parks a record it cannot process, so that the partition keeps moving. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }

    private Topics() {
    }
}
