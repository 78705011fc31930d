package org.ws2.service.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.ws2.contracts.identity.Ws2Roles;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth2 resource server: reads of published data are anonymous, every write
 * needs a valid bearer token, and the roles in its {@code roles} claim become {@code ROLE_<role>}
 * authorities for the services' {@code @PreAuthorize} rules.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration" })
@EnableWebSecurity
@EnableMethodSecurity
@EnableConfigurationProperties(JwtProperties.class)
public class Ws2SecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain ws2SecurityFilterChain(HttpSecurity http, ProblemAuthenticationHandlers problems)
            throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // The security headers go out before the handler runs, not as the request unwinds: a streamed
                // answer (reporting's event stream) is written by another thread meanwhile, and reading Tomcat's
                // response headers from both threads failed (a NullPointerException in MimeHeaders, answered 500).
                .headers(headers -> headers.addObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus", "/livez", "/readyz", "/v3/api-docs/**", "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerTokenHeader())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * No observation of Spring Security's own: it would wrap each filter of its chain, and each authentication
     * and authorization, in an observation on every request (spans nobody reads; 5-7 % of a service's CPU per
     * write in a profile). The request's own observation, metrics and trace are not Security's and stay.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Spring Security's firewall with its default rules, its header checks without regular expressions. */
    @Bean
    WebSecurityCustomizer firewallHeaderRules() {
        return web -> web.httpFirewall(HeaderRules.firewall());
    }

    /** Role rules decided before Spring MVC reads a request body (see {@link AuthorizeBeforeBody}). */
    @Bean
    WebMvcConfigurer authorizeBeforeBody() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new AuthorizeBeforeBody());
            }
        };
    }

    @Bean
    ProblemAuthenticationHandlers problemAuthenticationHandlers(JsonMapper jsonMapper) {
        return new ProblemAuthenticationHandlers(jsonMapper);
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(JwtProperties properties, ResourceLoader resources) {
        if (StringUtils.hasText(properties.issuerUri())) {
            String issuer = properties.issuerUri().trim();
            NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
            OAuth2TokenValidator<Jwt> rules = TokenRules.validator(issuer, properties.audience());
            decoder.setJwtValidator(rules);
            return new VerifiedTokens(decoder, rules);
        }
        if (StringUtils.hasText(properties.publicKeyLocation())) {
            try (InputStream pem = resources.getResource(properties.publicKeyLocation()).getInputStream()) {
                RSAPublicKey key = RsaKeyConverters.x509().convert(pem);
                NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(key).build();
                OAuth2TokenValidator<Jwt> rules = TokenRules.validator(properties.issuer(), properties.audience());
                decoder.setJwtValidator(rules);
                return new VerifiedTokens(decoder, rules);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the token signing key at ws2.jwt.public-key-location="
                        + properties.publicKeyLocation(), e);
            }
        }
        throw new IllegalStateException("No token signing key configured: set WS2_JWT_ISSUER_URI (an OIDC issuer) "
                + "or WS2_JWT_PUBLIC_KEY_LOCATION (an RSA public key PEM, e.g. file:/path/public.pem)");
    }

    static JwtAuthenticationConverter rolesFromClaim() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(Ws2SecurityConfiguration::roleAuthorities);
        return converter;
    }

    private static Collection<GrantedAuthority> roleAuthorities(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(Ws2Roles.ROLES_CLAIM);
        if (roles == null) {
            return List.of();
        }
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
