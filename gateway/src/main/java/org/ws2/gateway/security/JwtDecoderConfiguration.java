package org.ws2.gateway.security;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ws2.contracts.identity.Ws2Roles;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.util.StringUtils;

/**
 * Builds the token decoder from {@link Ws2JwtProperties} rather than Boot's properties, so that the
 * gateway refuses to start without a key source instead of starting with security that rejects
 * every write (or, worse, accepts tokens nobody can verify).
 */
@Configuration(proxyBeanMethods = false)
public class JwtDecoderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(JwtDecoderConfiguration.class);

    @Bean
    ReactiveJwtDecoder jwtDecoder(Ws2JwtProperties properties, ResourceLoader resourceLoader) {
        if (StringUtils.hasText(properties.issuerUri())) {
            String issuer = properties.issuerUri().trim();
            log.info("Validating bearer tokens against OIDC issuer {}", issuer);
            // withIssuerLocation discovers the JWK set on first use, so a slow identity provider
            // cannot stop the gateway from starting.
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuer).build();
            OAuth2TokenValidator<Jwt> rules = tokenRules(issuer, properties.audience());
            decoder.setJwtValidator(rules);
            return new VerifiedTokens(decoder, rules);
        }
        if (StringUtils.hasText(properties.publicKeyLocation())) {
            String location = properties.publicKeyLocation().trim();
            log.info("Validating bearer tokens with the RSA public key at {}", location);
            NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withPublicKey(readPublicKey(resourceLoader.getResource(location), location))
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
            OAuth2TokenValidator<Jwt> rules = tokenRules(properties.issuer(), properties.audience());
            decoder.setJwtValidator(rules);
            return new VerifiedTokens(decoder, rules);
        }
        throw new IllegalStateException("No key source for bearer tokens: set WS2_JWT_ISSUER_URI to the OIDC issuer "
                + "(production) or WS2_JWT_PUBLIC_KEY_LOCATION to an RSA public key in PEM form, "
                + "e.g. file:/path/to/public.pem (local stack)");
    }

    /**
     * Besides a good signature a token must name the issuer ({@code iss}), include the audience in
     * {@code aud} and carry {@code exp}; the services check the same (service-defaults' TokenRules).
     */
    static OAuth2TokenValidator<Jwt> tokenRules(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(issuer),
            new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
            new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
    }

    @Bean
    ReactiveJwtAuthenticationConverterAdapter jwtAuthenticationConverter() {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(Ws2Roles.ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(roles);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    private static RSAPublicKey readPublicKey(Resource resource, String location) {
        if (!resource.exists()) {
            throw new IllegalStateException("WS2_JWT_PUBLIC_KEY_LOCATION names " + location + ", which does not exist");
        }
        try (InputStream in = resource.getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        }
        catch (IOException | IllegalArgumentException ex) {
            throw new IllegalStateException("Cannot read an RSA public key (PEM \"PUBLIC KEY\") from " + location, ex);
        }
    }
}
