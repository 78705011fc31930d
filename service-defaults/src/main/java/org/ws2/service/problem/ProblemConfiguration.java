package org.ws2.service.problem;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

import tools.jackson.databind.json.JsonMapper;

/** Registers the problem advice before Boot's own, which steps aside when one exists, and the body limit. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration")
@Import(ProblemResponses.class)
public class ProblemConfiguration {

    @Bean
    ProblemsInOpenApi problemsInOpenApi() {
        return new ProblemsInOpenApi();
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(
            @Value("${ws2.http.max-body-size:1MB}") DataSize maxBodySize, JsonMapper jsonMapper) {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(
                new RequestSizeLimit(maxBodySize, jsonMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
