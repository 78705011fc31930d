package org.ws2.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.ws2.web.api.ApiException;
import org.ws2.web.signin.SignedInUser;
import org.ws2.web.signin.TokenCookie;

/** What every page's header needs: who is signed in, and whether this is the local stack. */
@ControllerAdvice
@RequiredArgsConstructor
class PageModel {

    private final WebProperties properties;
    private final TokenCookie tokenCookie;

    @ModelAttribute("user")
    SignedInUser user(HttpServletRequest request) {
        return tokenCookie.read(request).orElse(null);
    }

    @ModelAttribute("localSignIn")
    boolean localSignIn() {
        return properties.localSignIn();
    }

    /** No form refused yet: a page that shows a refusal sets its own (see FieldProblem). */
    @ModelAttribute(FieldProblem.MODEL)
    FieldProblem noProblem() {
        return FieldProblem.NONE;
    }

    @ModelAttribute("path")
    String path(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /**
     * A read the page needed failed: say so in words. A 404 is the page's 404; a 429 (the gateway counts a
     * page's API calls against its visitor) is the page's 429 with the API's Retry-After, so the visitor's
     * browser or crawler waits as asked; anything else is the API failing the page (502).
     */
    @ExceptionHandler(ApiException.class)
    ModelAndView apiFailed(ApiException e, HttpServletRequest request, HttpServletResponse response) {
        ModelAndView page = new ModelAndView("problem");
        int status = e.problem().status();
        page.setStatus(HttpStatusCode.valueOf(status == 404 || status == 429 ? status : 502));
        if (e.problem().tooManyRequests() && e.problem().retryAfter() != null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, e.problem().retryAfter());
        }
        page.addObject("problem", e.problem());
        page.addObject("user", tokenCookie.read(request).orElse(null));
        page.addObject("localSignIn", properties.localSignIn());
        page.addObject("path", request.getRequestURI());
        return page;
    }
}
