package org.ws2.service.versioning;

import org.springframework.http.HttpStatus;
import org.ws2.service.problem.ApiProblem;

/**
 * An aggregate's version as an HTTP entity tag ({@code "3"}): every service answers reads with it as
 * {@code ETag} and takes it back in {@code If-Match}, so that a stale change is refused (412).
 */
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

    /** For a change that replaces fields the client read: without it an edit could silently undo another. */
    public static long requireIfMatch(String ifMatch) {
        Long version = fromIfMatch(ifMatch);
        if (version == null) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "version-required", "Version required",
                    "Send the ETag of the version you read in If-Match, e.g. If-Match: \"3\".");
        }
        return version;
    }

    public static void check(Long expected, long actual) {
        if (expected != null && expected != actual) {
            throw ApiProblem.staleVersion(expected, actual);
        }
    }

    private Versions() {
    }
}
