package org.ws2.web.api;

/** A read the page needs failed; the page shows the problem instead of data. */
public class ApiException extends RuntimeException {

    private final Problem problem;

    public ApiException(Problem problem) {
        super(problem.status() + " " + problem.message());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
