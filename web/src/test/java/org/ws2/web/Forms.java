package org.ws2.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A page's form as a browser would submit it: its inputs (checked boxes only) and chosen options; and the
 * small readings of a page's HTML the page tests share.
 */
public final class Forms {

    private static final Pattern INPUT = Pattern.compile("<input([^>]*)>");
    private static final Pattern SELECT = Pattern.compile("<select[^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", Pattern.DOTALL);
    private static final Pattern SELECTED = Pattern.compile("<option[^>]*value=\"([^\"]*)\"[^>]*selected[^>]*>");

    private Forms() {
    }

    /** The fields of the (first) form whose action is {@code action}, in page order. */
    public static MultiValueMap<String, String> of(String html, String action) {
        return at(html, "action=\"" + action + "\"");
    }

    /** The fields of the form from {@code marker} (an attribute of its tag, such as its data-testid) to its end. */
    public static MultiValueMap<String, String> at(String html, String marker) {
        String form = between(html, marker, "</form>");
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            String attributes = input.group(1);
            String name = attribute(attributes, "name");
            String type = attribute(attributes, "type");
            boolean box = "checkbox".equals(type) || "radio".equals(type);
            if (name != null && (!box || attributes.contains(" checked"))) {
                String value = attribute(attributes, "value");
                fields.add(name, value == null ? "" : value.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'"));
            }
        }
        Matcher select = SELECT.matcher(form);
        while (select.find()) {
            Matcher chosen = SELECTED.matcher(select.group(2));
            fields.add(select.group(1), chosen.find() ? chosen.group(1) : "");
        }
        return fields;
    }

    /** The fields URL-encoded, with {@code changes} replacing the values of the fields they name. */
    public static String encoded(MultiValueMap<String, String> fields, Map<String, List<String>> changes) {
        Map<String, List<String>> sent = new LinkedHashMap<>(fields);
        sent.putAll(changes);
        StringBuilder body = new StringBuilder();
        sent.forEach((name, values) -> values.forEach(value -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return body.toString();
    }

    public static String encoded(MultiValueMap<String, String> fields) {
        return encoded(fields, Map.of());
    }

    /** The page's CSRF token, which every form carries. */
    public static String csrf(String html) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).as("the page has a form: " + html).isTrue();
        return token.group(1);
    }

    /** The first {@code <input>} tag named {@code name}. */
    public static String input(String html, String name) {
        Matcher input = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*>").matcher(html);
        assertThat(input.find()).as("an input " + name).isTrue();
        return input.group();
    }

    /** The text from {@code from} up to {@code to} (or the end), failing the test when {@code from} is not there. */
    public static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as("the page has " + from + ": " + text).isNotNegative();
        int end = text.indexOf(to, start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    public static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }
}
