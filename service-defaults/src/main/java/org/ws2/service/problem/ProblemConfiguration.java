package org.ws2.service.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
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

    @Bean
    FilterRegistrationBean<InputRulesFilter> inputRulesFilter(JsonMapper jsonMapper) {
        FilterRegistrationBean<InputRulesFilter> registration = new FilterRegistrationBean<>(
                new InputRulesFilter(jsonMapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Tomcat's own refusals (before any filter runs) as problems too, not HTML pages. */
    @Bean
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    /** Picked up by Boot's JSON mapper: NUL and out-of-range dates in bodies are 400s naming the field. */
    @Bean
    InputRulesJsonModule inputRulesJsonModule() {
        return new InputRulesJsonModule();
    }

    /** The same rules for query parameters and path variables (registered last, so they win). */
    @Bean
    WebMvcConfigurer inputRulesFormatters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addFormatterForFieldType(Instant.class, InputRules.INSTANTS);
                registry.addFormatterForFieldType(LocalDate.class, InputRules.DATES);
                registry.addFormatterForFieldType(OffsetDateTime.class, InputRules.OFFSET_DATE_TIMES);
            }
        };
    }
}
