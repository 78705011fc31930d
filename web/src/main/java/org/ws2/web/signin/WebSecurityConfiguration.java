package org.ws2.web.signin;

import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The pages themselves are open to everyone; what a person may change is decided by the API from
 * their token. This module adds what a browser needs on top: a CSRF token on every form (kept in a
 * cookie, so no server session), and — only when an OpenID Connect client registration is configured —
 * the production login, which keeps the issuer's access token in the same cookie the local sign-in uses.
 */
@Configuration(proxyBeanMethods = false)
@RequiredArgsConstructor
public class WebSecurityConfiguration implements WebMvcConfigurer {

    private final TokenCookie tokenCookie;

    @Bean
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> oidc,
            ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClients) throws Exception {
        http.csrf(csrf -> csrf.csrfTokenRepository(new CookieCsrfTokenRepository()))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .formLogin(AbstractHttpConfigurer::disable)
            .httpBasic(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
        if (oidc.getIfAvailable() != null) {
            OAuth2AuthorizedClientRepository clients = authorizedClients.getObject();
            http.oauth2Login(login -> login.loginPage("/sign-in").successHandler((request, response, authentication) -> {
                OAuth2AuthenticationToken oauth = (OAuth2AuthenticationToken) authentication;
                OAuth2AuthorizedClient client = clients.loadAuthorizedClient(
                        oauth.getAuthorizedClientRegistrationId(), oauth, request);
                // the API validates this access token against the same issuer (WS2_JWT_ISSUER_URI)
                Instant expires = client.getAccessToken().getExpiresAt();
                Duration lifetime = expires == null ? Duration.ofHours(1) : Duration.between(Instant.now(), expires);
                tokenCookie.write(response, client.getAccessToken().getTokenValue(), lifetime);
                response.sendRedirect("/workspace");
            }));
        }
        return http.build();
    }

    /** Lets a page handler take the {@link SignedInUser} (null when nobody is signed in). */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType().equals(SignedInUser.class);
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                    NativeWebRequest request, WebDataBinderFactory binders) {
                return tokenCookie.read(request.getNativeRequest(HttpServletRequest.class)).orElse(null);
            }
        });
    }
}
