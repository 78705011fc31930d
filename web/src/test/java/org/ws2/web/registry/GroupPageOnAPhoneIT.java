package org.ws2.web.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.ws2.web.Chromium;
import org.ws2.web.ChromiumPageIT;
import org.ws2.web.StubGateway;
import org.ws2.web.StubGateway.Answer;

/**
 * The group page as support staff see it, with the registry's forms (contacts, members, retirement), drawn
 * by a real Chromium: at 375 px nothing scrolls sideways. Screenshots at 375 and 1280 px go to
 * {@code target/screenshots/group-registry-375.png} and {@code -1280.png} for a person to look at.
 */
class GroupPageOnAPhoneIT extends ChromiumPageIT {

    @Test
    void theRegistryFormsFitAPhone() throws Exception {
        GATEWAY.on("GET /api/groups/SOAC-LRT", new Answer(200, GroupRegistryPageIT.GROUP.replace("\"ana.chair@example.org\"",
                        "\"ana.chair.of.the.leadership.roundtable@implementation-team.example.org\""), "\"7\""))
                .on("GET /api/assignments", "{\"items\":[],\"total\":0}")
                .on("GET /api/groups/SOAC-LRT/stage", """
                        {"stage":"TRIAGE","sentence":"SO/AC Leadership Roundtable – triaging","counts":{"assignments":0,
                         "triaged":0,"signOffRequested":0,"changesRequested":0,"signedOff":0}}""")
                .on("GET /api/groups", """
                        {"items":[{"id":"ALAC","name":"At-Large Advisory Committee","kind":"AC"},
                                  {"id":"SOAC-LRT","name":"SO/AC Leadership Roundtable","kind":"CROSS_COMMUNITY"}],"total":2}""");
        chromium().signIn(port, StubGateway.token("sam.support", List.of("support-staff"), List.of()));
        String url = "http://localhost:" + port + "/groups/SOAC-LRT";

        chromium().open(url, Chromium.PHONE);
        long innerWidth = chromium().number("return window.innerWidth");
        long scrollWidth = chromium().number("return document.documentElement.scrollWidth");
        Object tooWide = chromium().widest();
        boolean hasForm = !chromium().driver().findElements(By.cssSelector("form[action='/groups/SOAC-LRT/registry']")).isEmpty();
        chromium().screenshot("group-registry-" + Chromium.PHONE);
        // the forms themselves, below the first screenful
        chromium().driver().executeScript("document.getElementById('registry').scrollIntoView()");
        chromium().screenshot("group-registry-form-" + Chromium.PHONE);
        chromium().open(url, Chromium.DESKTOP);
        chromium().screenshot("group-registry-" + Chromium.DESKTOP);

        assertThat(hasForm).as("support see the registry form").isTrue();
        assertThat(scrollWidth).as("at 375 px the page is " + scrollWidth + " px wide; too wide: " + tooWide)
                .isLessThanOrEqualTo(innerWidth);
    }
}
