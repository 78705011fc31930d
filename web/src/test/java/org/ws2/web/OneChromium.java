package org.ws2.web;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real browser ({@link Chromium}) for a whole test class, registered as a static extension: starting one takes
 * seconds, so the class's tests share it, and it is quit after the class.
 */
public final class OneChromium implements BeforeAllCallback, AfterAllCallback {

    private Chromium chromium;

    /** The class's browser, started before its first test. */
    public Chromium get() {
        return chromium;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = Chromium.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
