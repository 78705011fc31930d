package org.ws2.reporting;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.ws2.service.openapi.ApiReference;

/** Reports on WS2 implementation, built only from the events other services publish. */
@OpenAPIDefinition(info = @Info(title = "WS2 reporting API", version = "1",
        description = "Reports on WS2 implementation built only from the recommendation events, so they may trail the "
                + "recommendations service by the time an event takes to arrive. "
                + ApiReference.CONVENTIONS))
@SpringBootApplication
public class ReportingApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReportingApplication.class, args);
    }
}
