package org.ws2.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * Each of a form's {@code fields} as typed ({@code form}: the request's parameters), in order, blank where
     * nothing was sent: a refused form comes back as it was typed, and a template reads a missing key as an error.
     */
    public static Map<String, String> typed(Map<String, String> form, List<String> fields) {
        Map<String, String> typed = new LinkedHashMap<>();
        fields.forEach(field -> typed.put(field, form.getOrDefault(field, "")));
        return typed;
    }
}
