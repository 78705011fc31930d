package org.ws2.web;

import org.junit.jupiter.api.extension.RegisterExtension;

/** A page test that a real browser draws: one {@link Chromium} for the whole class ({@link OneChromium}). */
public abstract class ChromiumPageIT extends PageIT {

    @RegisterExtension
    static final OneChromium CHROMIUM = new OneChromium();

    protected static Chromium chromium() {
        return CHROMIUM.get();
    }
}
