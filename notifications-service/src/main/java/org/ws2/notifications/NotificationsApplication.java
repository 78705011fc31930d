package org.ws2.notifications;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.ws2.service.openapi.ApiReference;

/** Tells people what happened to the groups, recommendations and engagements they follow. */
@OpenAPIDefinition(info = @Info(title = "WS2 notifications API", version = "1",
        description = "Per-person notices from every event family, subscriptions (people and webhooks), "
                + "email and signed webhook deliveries, sign-off reminders and digests. "
                + ApiReference.CONVENTIONS))
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationsApplication.class, args);
    }
}
