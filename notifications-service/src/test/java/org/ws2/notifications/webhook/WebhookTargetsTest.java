package org.ws2.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookTargetsTest {

    final WebhookTargets production = new WebhookTargets(new WebhookTargets.Policy(false, false, false));
    final WebhookTargets localStack = new WebhookTargets(new WebhookTargets.Policy(true, true, false));

    @Test
    void productionTakesOnlyHttpsToPublicAddresses() {
        assertThat(production.refusal("https://93.184.216.34/hooks/ws2")).isNull();
        assertThat(production.refusal("http://93.184.216.34/hooks/ws2")).contains("https");
        assertThat(production.refusal("https://127.0.0.1/")).contains("loopback");
        assertThat(production.refusal("https://[::1]/")).contains("loopback");
        assertThat(production.refusal("https://10.1.2.3/")).contains("private");
        assertThat(production.refusal("https://192.168.0.10/")).contains("private");
        assertThat(production.refusal("https://169.254.169.254/latest/meta-data")).contains("private");
        assertThat(production.refusal("https://100.64.0.1/")).contains("private");
        assertThat(production.refusal("https://[fd00::1]/")).contains("private");
        assertThat(production.refusal("https://user:pw@93.184.216.34/")).contains("credentials");
        assertThat(production.refusal("not a url")).contains("absolute");
    }

    @Test
    void theLocalStackAlsoTakesHttpToLoopbackButNotThePrivateNetwork() {
        assertThat(localStack.refusal("http://127.0.0.1:9999/hook")).isNull();
        assertThat(localStack.refusal("http://10.0.0.5/hook")).contains("private");
    }
}
