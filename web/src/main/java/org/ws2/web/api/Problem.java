package org.ws2.web.api;

/**
 * An error the API answered (RFC 9457), kept to show in words next to the field or action it
 * concerns.
 *
 * @param field the request field the API named, or null
 */
public record Problem(int status, String type, String title, String detail, String field) {

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
