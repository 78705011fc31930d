package org.ws2.web.signin;

import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.ws2.localsigning.LocalJwtKeys;
import org.ws2.web.WebProperties;
import org.ws2.web.api.TrackerApi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Sign-in. On the local stack (a signing key configured): a page to pick a role and groups, which
 * issues a token from the local key. In production: the OpenID Connect login of the configured issuer.
 * With neither, there is no sign-in page at all.
 */
@Controller
@RequiredArgsConstructor
class SignInController {

    private final WebProperties properties;
    private final TokenCookie tokenCookie;
    private final TrackerApi api;
    private final ObjectProvider<ClientRegistrationRepository> oidc;
    private volatile LocalJwtKeys localKey;

    @GetMapping("/sign-in")
    String signIn(Model model) {
        if (!properties.localSignIn()) {
            return "redirect:" + oidcLoginPath();
        }
        model.addAttribute("roles", LocalJwtKeys.ROLES);
        model.addAttribute("groups", api.get("/api/groups", null).get("items"));
        return "sign-in";
    }

    @PostMapping("/sign-in")
    String issue(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") List<String> groups, Model model, HttpServletResponse response) {
        if (!properties.localSignIn()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String subject = name.isBlank() ? "local-" + role : name.strip();
        try {
            // the form sends the ticked groups whatever the role; only a group editor's token names groups
            List<String> editable = role.equals("group-editor") ? groups : List.of();
            tokenCookie.write(response, localKey().token(subject, role, editable), LocalJwtKeys.TOKEN_LIFETIME);
        } catch (IllegalArgumentException invalid) {
            model.addAttribute("error", invalid.getMessage());
            model.addAttribute("roles", LocalJwtKeys.ROLES);
            model.addAttribute("groups", api.get("/api/groups", null).get("items"));
            model.addAttribute("chosen", Map.of("name", name, "role", role, "groups", groups));
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return "sign-in";
        }
        return "redirect:/workspace";
    }

    @PostMapping("/sign-out")
    String signOut(HttpServletResponse response) {
        tokenCookie.clear(response);
        return "redirect:/";
    }

    /** The key the launcher made in {@code $WS2_HOME/jwt}; read on first use, never made here. */
    private LocalJwtKeys localKey() {
        if (localKey == null) {
            localKey = LocalJwtKeys.load(Path.of(properties.localSigningKey()));
        }
        return localKey;
    }

    /** Spring Security's entry point for the first configured registration; 404 when there is none. */
    private String oidcLoginPath() {
        ClientRegistrationRepository repository = oidc.getIfAvailable();
        if (repository instanceof InMemoryClientRegistrationRepository registrations) {
            for (ClientRegistration registration : registrations) {
                return "/oauth2/authorization/" + registration.getRegistrationId();
            }
        }
        throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No sign-in is configured here.");
    }
}
