package org.ws2.web.api;

/**
 * An error the API answered (RFC 9457), kept to show in words next to the field or action it
 * concerns.
 *
 * @param field      the request field the API named, or null
 * @param retryAfter the API's Retry-After (seconds) on a 429 or 503, or null
 */
public record Problem(int status, String type, String title, String detail, String field, String retryAfter) {

    public Problem(int status, String type, String title, String detail, String field) {
        this(status, type, title, detail, field, null);
    }

    /** The gateway's rate limit refused the call: the visitor asked for too much too fast. */
    public boolean tooManyRequests() {
        return status == 429;
    }

    /** How long to wait, in words: "17 seconds" from Retry-After, "a minute" (the limit's window) without it. */
    public String waitFor() {
        if (retryAfter == null || !retryAfter.strip().matches("\\d{1,6}")) {
            return "a minute";
        }
        long seconds = Long.parseLong(retryAfter.strip());
        return seconds == 1 ? "1 second" : seconds + " seconds";
    }

    public boolean conflict() {
        return status == 412;
    }

    public boolean signInNeeded() {
        return status == 401;
    }

    /** What a person should read: the API's own words, with a hint where the next step is clear. */
    public String message() {
        if (status == 412) {
            return "Someone else changed this since you opened the page. Reload the page to see their change, then try again.";
        }
        if (status == 429) {
            return "Too many requests from you in a short time. Wait " + waitFor() + ", then try again.";
        }
        if (status == 401) {
            return "Your sign-in has expired or is missing. Sign in again.";
        }
        if (status == 403) {
            return "You may not do this: " + (detail != null ? detail : title);
        }
        String text = detail != null && !detail.isBlank() ? detail : title;
        return text == null ? "The tracker answered " + status + "." : text;
    }
}
