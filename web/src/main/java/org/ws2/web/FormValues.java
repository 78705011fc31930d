package org.ws2.web;

/**
 * What a form's field means once typed: a browser sends an empty string for a field left empty, and the API
 * takes no value (null) for "not given", so every form turns blank into null in one way.
 */
public final class FormValues {

    private FormValues() {
    }

    /** The value as typed, trimmed; null when nothing but blanks was typed. */
    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
