package org.ws2.gateway.security;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class JwtDecoderConfigurationTest {

    private final JwtDecoderConfiguration configuration = new JwtDecoderConfiguration();

    @Test
    void refusesToStartWithoutAKeySource() {
        assertThatIllegalStateException()
            .isThrownBy(() -> configuration.jwtDecoder(new Ws2JwtProperties("", " ", "ws2-local", "ws2-tracker"), new DefaultResourceLoader()))
            .withMessageContaining("WS2_JWT_ISSUER_URI")
            .withMessageContaining("WS2_JWT_PUBLIC_KEY_LOCATION");
    }

    @Test
    void refusesToStartWhenTheKeyFileIsMissing() {
        assertThatIllegalStateException()
            .isThrownBy(() -> configuration.jwtDecoder(new Ws2JwtProperties(null, "file:/nonexistent/ws2/public.pem", "ws2-local", "ws2-tracker"),
                    new DefaultResourceLoader()))
            .withMessageContaining("/nonexistent/ws2/public.pem");
    }
}
