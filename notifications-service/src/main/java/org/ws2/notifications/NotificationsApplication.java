package org.ws2.notifications;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.ws2.service.openapi.ApiReference;

/** Tells people what happened to the recommendations they follow. */
@OpenAPIDefinition(info = @Info(title = "WS2 notifications API", version = "1",
        description = "The in-app inbox: what happened to the recommendations (status changes, coordination flags and "
                + "more), built from the recommendation events. "
                + ApiReference.CONVENTIONS))
@SpringBootApplication
public class NotificationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationsApplication.class, args);
    }
}
