package org.ws2.recommendations.recommendation;

import org.ws2.service.problem.ApiProblem;

/** A recommendation's version as an HTTP entity tag: {@code "3"}. */
final class Versions {

    static String toETag(long version) {
        return "\"" + version + "\"";
    }

    /** The version a client expects, from {@code If-Match}; null when it sets none or {@code *}. */
    static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidInput("If-Match",
                    "If-Match must carry the ETag of the version you read, e.g. \"3\"; got " + ifMatch + ".");
        }
    }

    private Versions() {
    }
}
