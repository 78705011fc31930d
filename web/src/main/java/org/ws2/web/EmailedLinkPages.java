package org.ws2.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.ws2.web.api.Problem;

/**
 * What the pages an email links to share ({@code /subscriptions/confirm}, {@code /unsubscribe}): the emailed
 * token is the credential, so opening the link only asks (mail scanners and link checkers follow links) and the
 * page's button acts; when the link cannot work, the page says why in one sentence, with the status that fits.
 */
public final class EmailedLinkPages {

    private EmailedLinkPages() {
    }

    /** The problem page with {@code sentence}, as {@code status}. */
    public static ModelAndView refused(HttpStatus status, String type, String sentence) {
        return problem(status, new Problem(status.value(), type, status.getReasonPhrase(), sentence, null));
    }

    /** The problem page with the API's own problem, as {@code status}. */
    public static ModelAndView problem(HttpStatus status, Problem problem) {
        ModelAndView page = new ModelAndView("problem", Map.of("problem", problem));
        page.setStatus(status);
        return page;
    }
}
