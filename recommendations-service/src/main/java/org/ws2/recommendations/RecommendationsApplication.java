package org.ws2.recommendations;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.ws2.service.openapi.ApiReference;

/** The system of record for what WS2 asks to be done: topics, recommendations and their lifecycle. */
@OpenAPIDefinition(info = @Info(title = "WS2 recommendations API", version = "1",
        description = "The system of record for ICANN's Work Stream 2 accountability recommendations: the eight topics, the"
                + " catalogue (searchable now or as of any past instant, with each record's verification level and "
                + "source), the lifecycle, dependencies, community-coordination flags, implementation evidence and the "
                + "engagement log. Every change is kept in the recommendation's history and published on "
                + "ws2.recommendations.v1 (see docs/asyncapi.yaml). "
                + ApiReference.CONVENTIONS))
@SpringBootApplication
public class RecommendationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(RecommendationsApplication.class, args);
    }
}
