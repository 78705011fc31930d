package org.ws2.recommendations.recommendation;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

import org.ws2.contracts.recommendation.RecommendationStatus;
import org.ws2.recommendations.recommendation.RecommendationSearch.SortField;
import org.ws2.service.problem.ApiProblem;

/**
 * Where a page of the list ended: its last item's id and sort key, under the sort and order it was
 * read with. The next page starts right after that point in the order (keyset paging), so it costs
 * what one page costs at any depth, where {@code OFFSET} reads and drops every row before it. The
 * point stays put when items are added or change, so none is skipped or repeated for that reason.
 * Clients get it opaque (base64url) in a page's {@code next} link and send it back as {@code after}.
 *
 * @param key the last item's value of the sort ({@link SortField#keyOf}); null for the id sort and
 *            for an item without a target quarter
 */
record ListCursor(SortField sort, boolean descending, String id, String key) {

    /**
     * An id as the order reads it: a programme's code and hyphen unless WS2's, then int segments (at most
     * nine digits, so never overflowing).
     */
    private static final Pattern ID = Pattern.compile("([A-Z][A-Z0-9]{1,15}-)?\\d{1,9}(\\.\\d{1,9})*");
    /** An instant as Instant.toString() writes one in the years PostgreSQL reads without a sign. */
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final String SEPARATOR = "~";

    static ListCursor after(Recommendation last, SortField sort, boolean descending) {
        return new ListCursor(sort, descending, last.id(), sort.keyOf(last));
    }

    /** sort~order~id~key, the key percent-encoded (so never holding the separator) after a ':' when present. */
    String encode() {
        String text = String.join(SEPARATOR, sort.name(), order(descending), id,
                key == null ? "" : ":" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent, for a list read with {@code sort} and {@code descending}; a 400 problem otherwise. */
    static ListCursor decode(String token, SortField sort, boolean descending) {
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(SEPARATOR, -1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 4 || !ID.matcher(parts[2]).matches() || !parts[3].isEmpty() && !parts[3].startsWith(":")) {
            throw invalid();
        }
        if (!parts[0].equals(sort.name()) || !parts[1].equals(order(descending))) {
            throw ApiProblem.invalidInput("after", "after: the cursor continues a list sorted by " + parts[0] + " "
                    + parts[1] + "; ask with that sort and order, or start again without after.");
        }
        String key;
        try {
            key = parts[3].isEmpty() ? null : URLDecoder.decode(parts[3].substring(1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!fits(sort, key)) {
            throw invalid();
        }
        return new ListCursor(sort, descending, parts[2], key);
    }

    /** Whether {@code key} is a value {@code sort} could have given, so that SQL never fails on it. */
    private static boolean fits(SortField sort, String key) {
        if (key != null && key.indexOf('\u0000') >= 0) {
            return false; // PostgreSQL's text cannot hold NUL
        }
        try {
            return switch (sort) {
                case id -> key == null;
                case title -> key != null;
                case status -> key != null && RecommendationStatus.valueOf(key) != null;
                case targetQuarter -> true;
                case updatedAt -> key != null && INSTANT.matcher(key).matches() && Instant.parse(key) != null;
            };
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return false;
        }
    }

    private static String order(boolean descending) {
        return descending ? "desc" : "asc";
    }

    private static ApiProblem invalid() {
        return ApiProblem.invalidInput("after", "after: not a cursor of this list; follow a page's next link, "
                + "or start again without after.");
    }
}
