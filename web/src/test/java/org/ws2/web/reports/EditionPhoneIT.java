package org.ws2.web.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ws2.web.Chromium.PHONE;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.ws2.web.Chromium;
import org.ws2.web.ChromiumPageIT;
import org.ws2.web.StubGateway;
import org.ws2.web.StubGateway.Answer;

/**
 * The edition page with its editing form, as support staff see it on a phone: nothing scrolls sideways (the group
 * lines and textareas are the widest things on it). Screenshots go to {@code target/screenshots/edition-*.png}.
 */
class EditionPhoneIT extends ChromiumPageIT {

    @BeforeEach
    void theApi() {
        GATEWAY.on("GET /api/reports/editions/2021-Q3", new Answer(200, EditionPagesIT.edition("2021-Q3", "DRAFT", 2, 0, ""), "\"2\""));
    }

    @Test
    void aDraftAndItsFormFitAPhone() throws IOException {
        chromium().signIn(port, StubGateway.token("sam.support", List.of("support-staff"), List.of()));

        chromium().open("http://localhost:" + port + "/reports/2021-Q3", PHONE);
        long scrollWidth = chromium().number("return document.documentElement.scrollWidth");
        Object tooWide = chromium().widest();
        boolean form = !chromium().driver().findElements(By.name("highlights")).isEmpty();
        chromium().screenshot("edition-" + PHONE);
        chromium().open("http://localhost:" + port + "/reports/2021-Q3", Chromium.DESKTOP);
        chromium().screenshot("edition-" + Chromium.DESKTOP);

        assertThat(form).as("the editing form is drawn").isTrue();
        assertThat(scrollWidth).as("the edition at " + PHONE + " px is " + scrollWidth + " px wide; too wide: " + tooWide)
                .isLessThanOrEqualTo(PHONE);
    }
}
