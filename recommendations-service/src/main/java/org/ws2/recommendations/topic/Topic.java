package org.ws2.recommendations.topic;

import org.ws2.contracts.recommendation.Programmes;

/**
 * A topic of a programme: one of WS2's eight, or one of another review's. Its prefix starts the id of
 * each of its recommendations: WS2's are the number's first segment ({@code 5}), another programme's
 * its code, a hyphen and that segment ({@code ATRT3-1}), so prefixes never collide. Names are unique
 * within a programme.
 */
public record Topic(String prefix, String name, String notes, String programme) {

    /** One of WS2's topics. */
    public static Topic ws2(String prefix, String name, String notes) {
        return new Topic(prefix, name, notes, Programmes.WS2);
    }

    /** The prefix of the topic a recommendation id belongs to: its programme part and its number's first segment. */
    public static String prefixOf(String recommendationId) {
        String number = Programmes.number(recommendationId);
        int dot = number.indexOf('.');
        return recommendationId.substring(0, recommendationId.length() - number.length())
                + (dot < 0 ? number : number.substring(0, dot));
    }
}
