package org.ws2.reporting.report;

import org.ws2.contracts.Vocabulary;

/**
 * The contracts' {@link Vocabulary} for the documents people read (the quarterly report's page, PDF, Markdown and
 * CSV; the editions), whose templates call {@code words.of(...)}. The JSON answers keep the API's own values.
 */
public final class Words {

    /** What the documents' templates are given. */
    static final Words TEMPLATES = new Words();

    private Words() {
    }

    /** {@code IN_PROGRESS} → "In progress"; null stays null. */
    public static String of(Object value) {
        return Vocabulary.words(value);
    }
}
