package org.ws2.contracts.recommendation;

import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * A recommendation belongs to a programme: WS2, or another review tracked beside it (ATRT3, the CCT
 * review…). The programme is part of the id, so that ids never collide and every service and consumer
 * tells a recommendation's programme from its id alone, events of before programmes included: WS2's
 * ids are their numbers as ever ({@code 1.1}); another programme's are its code, a hyphen and its own
 * number ({@code ATRT3-1.1}, number {@code 1.1}). Codes are upper-case letters and digits, so an id
 * stays URL-safe and its one hyphen separates the two.
 */
public final class Programmes {

    /** The programme of every recommendation that does not say otherwise. */
    public static final String WS2 = "WS2";

    /** A programme's code: 2 to 16 upper-case letters and digits, starting with a letter. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,15}");

    private static final char SEPARATOR = '-';

    private Programmes() {
    }

    /** The programme of a recommendation id: {@code ATRT3} for {@code ATRT3-1.1}, WS2 for {@code 1.1}. */
    public static String of(String recommendationId) {
        int separator = recommendationId.indexOf(SEPARATOR);
        return separator < 0 ? WS2 : recommendationId.substring(0, separator);
    }

    /** A recommendation's number in its programme: {@code 1.1} for both {@code 1.1} and {@code ATRT3-1.1}. */
    public static String number(String recommendationId) {
        return recommendationId.substring(recommendationId.indexOf(SEPARATOR) + 1);
    }

    /** The id of number {@code number} in {@code programme}. */
    public static String id(String programme, String number) {
        return WS2.equals(programme) ? number : programme + SEPARATOR + number;
    }

    /** The programme a recommendation's snapshot names; WS2 when it names none (events of before programmes). */
    public static String of(RecommendationSnapshot snapshot) {
        return snapshot.programme() != null ? snapshot.programme() : of(snapshot.id());
    }

    /**
     * The catalogue's order: WS2 first, then the other programmes by code, each in numbering order
     * (1.9 before 1.10). Ids whose number is not numeric compare as text, after the numbers.
     */
    public static final Comparator<String> BY_ID = Comparator.comparing(Programmes::programmeKey)
            .thenComparing(Programmes::number, Programmes::compareNumbers);

    /** '' for WS2, the code and its hyphen otherwise: what the recommendations service's indexes sort on. */
    private static String programmeKey(String recommendationId) {
        return recommendationId.substring(0, recommendationId.indexOf(SEPARATOR) + 1);
    }

    private static int compareNumbers(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = compareSegments(x[i], y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int compareSegments(String a, String b) {
        boolean numericA = isNumber(a);
        boolean numericB = isNumber(b);
        if (numericA && numericB) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return numericA ? -1 : numericB ? 1 : a.compareTo(b);
    }

    private static boolean isNumber(String segment) {
        return !segment.isEmpty() && segment.length() <= 18 && segment.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
