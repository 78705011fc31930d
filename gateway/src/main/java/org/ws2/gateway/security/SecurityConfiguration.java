package org.ws2.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * The gateway's share of authorization: anyone may read, only a holder of a valid token may change
 * anything. Which role may change what is decided by each service, which validates the same token
 * again (forwarded unchanged), so a request that slips past a misrouted gateway gains nothing.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** The web module's paths (the "web" route in application.yml). */
    static final String[] WEB_PAGES = {"/", "/overview/**", "/recommendations/**", "/groups/**", "/reports/**",
            "/workspace/**", "/engagements/**", "/inbox/**", "/settings/**", "/sign-in", "/sign-out", "/oauth2/**", "/login/oauth2/**", "/assets/**", "/webjars/**",
            "/favicon.ico", "/subscriptions/**", "/unsubscribe"};

    /**
     * No observation of Spring Security's own: without this it wraps each filter of its chain, and each
     * authentication and authorization, in an observation of its own on every request, spans nobody reads (turning
     * them off by name in {@code management.observations.enable} left the wrappers, and a look-up per observation, in
     * place). The request's own observation (metrics, trace, its propagation to the services) is not Security's.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder,
            ReactiveJwtAuthenticationConverterAdapter jwtAuthenticationConverter, ProblemSecurityHandlers problems) {
        return http
            // Bearer tokens only, no cookies or sessions: CSRF cannot ride on them, and a session
            // store would make replicas stateful.
            .csrf(ServerHttpSecurity.CsrfSpec::disable)
            .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
            .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
            .logout(ServerHttpSecurity.LogoutSpec::disable)
            .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
            // No stand-in "anonymous" authentication for a request without a token: every rule below decides the
            // same without one (permitAll lets it through, authenticated and denyAll answer 401), and making one
            // cost every read a token and a context of its own.
            .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
            .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
            .authorizeExchange(exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/**").permitAll()
                .pathMatchers(HttpMethod.HEAD, "/api/**").permitAll()
                .pathMatchers(HttpMethod.OPTIONS, "/api/**").permitAll()
                // Confirming an email subscription: the token the email carried is the credential, which the
                // notifications service checks; the person clicking the link may have no account at all.
                .pathMatchers(HttpMethod.POST, "/api/subscriptions/confirmations").permitAll()
                // One-click unsubscribe (RFC 8058): the mail client posts the List-Unsubscribe URL by itself, so
                // nobody is signed in; the token in the URL is the credential, checked by the notifications service.
                .pathMatchers(HttpMethod.POST, "/api/subscriptions/unsubscribe").permitAll()
                .pathMatchers("/api/**").authenticated()
                // This chain guards the management port too (management.server.port), where probes and
                // Prometheus read these; the API port has no actuator endpoints (404).
                .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus")
                .permitAll()
                // Reached by the breakers' internal forward; open so a direct call gets the same problem.
                .pathMatchers("/fallback/**").permitAll()
                // The OpenAPI documents are public, like the reads they describe.
                .pathMatchers(HttpMethod.GET, "/api-docs", "/api-docs/*").permitAll()
                // The pages: the web module signs people in with its own cookie and CSRF token, and every
                // change it makes goes back through /api above with the person's bearer token.
                .pathMatchers(WEB_PAGES).permitAll()
                .anyExchange().denyAll())
            .oauth2ResourceServer(resourceServer -> resourceServer
                .jwt(jwt -> jwt.jwtDecoder(jwtDecoder).jwtAuthenticationConverter(jwtAuthenticationConverter))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems))
            .exceptionHandling(exceptions -> exceptions
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems))
            .build();
    }
}
