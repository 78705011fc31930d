package org.ws2.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/**
 * The style sheet every page links, as a browser gets it. The jars are reproducible (ADR 0041), so every entry in
 * them carries one fixed time: sent as Last-Modified it would say an asset never changed across upgrades.
 */
class StaticAssetsIT extends PageIT {

    @Test
    void theStyleSheetIsNeverStoredAndCarriesNoModificationTime() throws Exception {
        HttpResponse<String> css = browser.get(page("/assets/site.css"));

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(css.body()).isNotBlank();
        assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("no-store"));
        assertThat(css.headers().firstValue("Last-Modified")).isEmpty();
    }
}
