package org.ws2.contracts;

import java.util.Locale;
import java.util.Map;

/**
 * The contracts' constants in the words people read: the API and the events say {@code SIGN_OFF_REQUESTED},
 * {@code CO_OWNED} and {@code MEETING}; ICANN's updates say "Sign-off requested", "Co-owned" and "Meeting". One
 * rule for every page, report and email, so that they name a thing alike; what a machine reads keeps the constant.
 */
public final class Vocabulary {

    /** Where the plain rule (capitalise, underscores to spaces) would not read as ICANN writes it. */
    private static final Map<String, String> SPECIAL = Map.ofEntries(
            Map.entry("ORG", "ICANN org"),
            Map.entry("CO_OWNED", "Co-owned"),
            // group kinds, as ICANN's bylaws name them
            Map.entry("SO", "Supporting Organization"),
            Map.entry("AC", "Advisory Committee"),
            Map.entry("GNSO_SG", "GNSO stakeholder group"),
            Map.entry("GNSO_C", "GNSO constituency"),
            Map.entry("RALO", "Regional At-Large Organization"),
            Map.entry("CROSS_COMMUNITY", "Cross-community structure"),
            Map.entry("ORG_FUNCTION", "ICANN org function"));

    /**
     * Constants whose name means something else in another enum ({@code COMMUNITY} is also an ownership), keyed by
     * {@code <enum's simple name>.<constant>}: whom an assignment is for (issue 21), in the updates' words.
     */
    private static final Map<String, String> OF_TYPE = Map.ofEntries(
            Map.entry("AssignmentScope.GROUP", "The group itself"),
            Map.entry("AssignmentScope.CHILDREN", "Its child groups"),
            Map.entry("AssignmentScope.COMMUNITY", "The community as a whole"));

    private Vocabulary() {
    }

    /** {@code IN_PROGRESS} → "In progress", {@code SIGN_OFF_REQUESTED} → "Sign-off requested"; null stays null. */
    public static String words(Object constant) {
        if (constant == null) {
            return null;
        }
        String name = constant.toString();
        if (constant instanceof Enum<?> e) {
            String ofType = OF_TYPE.get(e.getDeclaringClass().getSimpleName() + "." + name);
            if (ofType != null) {
                return ofType;
            }
        }
        String special = SPECIAL.get(name);
        if (special != null) {
            return special;
        }
        // the noun is hyphenated ("a sign-off reminder"), the verb is not ("signed off")
        String spaced = (" " + name.replace('_', ' ').toLowerCase(Locale.ROOT) + " ").replace(" sign off ", " sign-off ")
                .strip();
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
