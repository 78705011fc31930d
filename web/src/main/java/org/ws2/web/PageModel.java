package org.ws2.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.ws2.web.api.ApiException;
import org.ws2.web.signin.SignedInUser;
import org.ws2.web.signin.TokenCookie;

/** What every page's header needs: who is signed in, and whether this is the local stack. */
@ControllerAdvice
class PageModel {

    private final WebProperties properties;
    private final TokenCookie tokenCookie;

    PageModel(WebProperties properties, TokenCookie tokenCookie) {
        this.properties = properties;
        this.tokenCookie = tokenCookie;
    }

    @ModelAttribute("user")
    SignedInUser user(HttpServletRequest request) {
        return tokenCookie.read(request).orElse(null);
    }

    @ModelAttribute("localSignIn")
    boolean localSignIn() {
        return properties.localSignIn();
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** A read the page needed failed: say so in words, with the status the API gave. */
    @ExceptionHandler(ApiException.class)
    ModelAndView apiFailed(ApiException e, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("problem");
        int status = e.problem().status();
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(status == 404 ? 404 : 502));
        page.addObject("problem", e.problem());
        page.addObject("user", tokenCookie.read(request).orElse(null));
        page.addObject("localSignIn", properties.localSignIn());
        page.addObject("path", request.getRequestURI());
        return page;
    }
}
