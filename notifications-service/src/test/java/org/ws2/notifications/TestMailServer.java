package org.ws2.notifications;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactories;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail) on a free port for each test application context of a class
 * annotated {@link WithTestMailServer}: the context's {@code spring.mail.*} point at it, tests
 * {@code @Autowired} it to read what arrived, and it stops when the context closes.
 */
public final class TestMailServer {

    /** Gives the annotated {@code @SpringBootTest} an SMTP server of its own. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @ContextCustomizerFactories(Factory.class)
    public @interface WithTestMailServer {
    }

    private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    private TestMailServer() {
        smtp.start();
    }

    public List<MimeMessage> received() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    /** The message's subject; empty when it cannot be read. */
    public static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            return new Customizer();
        }
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestMailServer server = new TestMailServer();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ws2-test-mail-server",
                    Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", server.smtp.getSmtp().getPort())));
            context.getBeanFactory().registerSingleton("testMailServer", server);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    server.smtp.stop();
                }
            });
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
