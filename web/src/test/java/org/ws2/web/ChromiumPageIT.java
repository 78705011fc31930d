package org.ws2.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A page test that a real browser draws ({@link Chromium}): one Chromium for the whole class, because starting one
 * takes seconds, quit after the class.
 */
public abstract class ChromiumPageIT extends PageIT {

    protected static Chromium chromium;

    @BeforeAll
    static void startTheBrowser() {
        chromium = Chromium.start();
    }

    @AfterAll
    static void stopTheBrowser() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
