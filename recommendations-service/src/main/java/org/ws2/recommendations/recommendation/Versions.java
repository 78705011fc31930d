package org.ws2.recommendations.recommendation;

import org.springframework.http.HttpStatus;
import org.ws2.service.problem.ApiProblem;

/** A recommendation's version as an HTTP entity tag: {@code "3"}. */
public final class Versions {

    public static String toETag(long version) {
        return "\"" + version + "\"";
    }

    /** The version a client expects, from {@code If-Match}; null when it sets none or {@code *}. */
    public static Long fromIfMatch(String ifMatch) {
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

    /**
     * The version a client expects, for a change that replaces what the client read: without it an
     * edit could silently undo someone else's.
     */
    public static long requireIfMatch(String ifMatch) {
        Long version = fromIfMatch(ifMatch);
        if (version == null) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "version-required", "Version required",
                    "Send the ETag of the version you read in If-Match, e.g. If-Match: \"3\".");
        }
        return version;
    }

    private Versions() {
    }
}
