package org.ws2.service.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the service refuses, answered as an RFC 9457 problem whose {@code type} is stable per
 * kind of error ({@code urn:ws2:problem:<kind>}), so that clients can branch on it.
 */
public class ApiProblem extends ErrorResponseException {

    public ApiProblem(HttpStatus status, String kind, String title, String detail) {
        super(status, problem(status, kind, title, detail), null);
    }

    /** Adds a member to the problem body, e.g. the offending field or the allowed values. */
    public ApiProblem with(String name, Object value) {
        getBody().setProperty(name, value);
        return this;
    }

    public static URI typeUri(String kind) {
        return URI.create("urn:ws2:problem:" + kind);
    }

    public static ApiProblem notFound(String what, String id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " not found",
                "There is no " + what.toLowerCase() + " with id '" + id + "'.");
    }

    public static ApiProblem invalidInput(String field, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail).with("field", field);
    }

    public static ApiProblem staleVersion(long expected, long actual) {
        return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Stale version",
                "The resource is at version " + actual + ", not " + expected + "; read it again and retry.")
                .with("currentVersion", actual);
    }

    /**
     * The one factory of a WS2 problem body; every handler, filter and exception of a service builds
     * its answer here. Members such as {@code field} or {@code instance} are set on the result.
     */
    public static ProblemDetail problem(HttpStatusCode status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(typeUri(kind));
        problem.setTitle(title);
        return problem;
    }
}
