package org.ws2.testsupport;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points each test application context of a {@link FreshDatabase} test at a database created for
 * it. Test classes with the same configuration share one cached context, and so one database.
 */
public class FreshDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        boolean wanted = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(FreshDatabase.class);
        return wanted ? new FreshDatabaseCustomizer() : null;
    }

    private static final class FreshDatabaseCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String prefix = context.getEnvironment().getProperty("spring.application.name", "ws2")
                    .replaceAll("[^A-Za-z0-9]", "_");
            TestPostgres.Database database = TestPostgres.freshDatabase("test_" + prefix);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ws2-fresh-database", Map.of(
                    "spring.datasource.url", database.url(),
                    "spring.datasource.username", database.user(),
                    "spring.datasource.password", database.password(),
                    "ws2.jwt.public-key-location", TestTokens.publicKeyLocation(),
                    "ws2.jwt.issuer-uri", "",
                    "ws2.jwt.issuer", TestTokens.ISSUER,
                    "ws2.jwt.audience", TestTokens.AUDIENCE)));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FreshDatabaseCustomizer;
        }

        @Override
        public int hashCode() {
            return FreshDatabaseCustomizer.class.hashCode();
        }
    }
}
