package org.ws2.service.openapi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import io.swagger.v3.oas.models.info.Contact;

/** The OpenAPI reference every service serves at {@code /v3/api-docs}; see {@link ApiReference}. */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class ApiReferenceConfiguration {

    @Bean
    ApiReference apiReference(@Value("${ws2.openapi.contact.name}") String name,
            @Value("${ws2.openapi.contact.url}") String url) {
        return new ApiReference(new Contact().name(name).url(url));
    }
}
