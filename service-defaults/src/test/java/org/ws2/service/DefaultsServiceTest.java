package org.ws2.service;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.ws2.testsupport.FreshDatabase;

/**
 * A service made of this module alone ({@link DefaultsTestService}): every auto-configuration, a fresh
 * database on a real PostgreSQL and an embedded KRaft broker with one partition per topic. Test classes
 * that carry it share one context, database and broker.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(classes = DefaultsTestService.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.application.name=" + DefaultsTestService.NAME)
@EmbeddedKafka(partitions = 1, topics = { DefaultsTestService.TRACED_TOPIC, DefaultsTestService.CONSUMED_TOPIC,
        DefaultsTestService.DEAD_LETTERS }, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@FreshDatabase
public @interface DefaultsServiceTest {
}
