package org.ws2.service.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's rules for header names and values, the same as Spring Security's defaults
 * ({@link StrictHttpFirewall#ALLOWED_HEADER_NAMES}, {@link StrictHttpFirewall#ALLOWED_HEADER_VALUES}: every
 * character assigned in Unicode and none a control character, a value's tabs aside), checked by a loop rather than
 * by their regular expressions. The firewall checks a header each time it is read, and the bearer token's is read
 * twice per request: 700 characters through a Unicode character class each time, at a cost that depends on how the
 * JIT compiled it (ADR 0040).
 */
final class HeaderRules {

    private HeaderRules() {
    }

    /** A firewall with the default rules, its header checks done here. */
    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderRules::allowedName);
        firewall.setAllowedHeaderValues(HeaderRules::allowedValue);
        return firewall;
    }

    static boolean allowedName(String name) {
        return allowed(name, false);
    }

    static boolean allowedValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String text, boolean tabAllowed) {
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                // printable ASCII, nearly every character of a header: assigned and no control character
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            boolean control = Character.isISOControl(codePoint) && !(tabAllowed && codePoint == '\t');
            if (!Character.isDefined(codePoint) || control) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
