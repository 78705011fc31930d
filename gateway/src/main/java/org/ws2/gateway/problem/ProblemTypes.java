package org.ws2.gateway.problem;

/**
 * Stable {@code type} URIs for the problems the gateway itself answers, so clients can branch on the
 * kind of error without parsing titles or details.
 */
public final class ProblemTypes {

    public static final String SERVICE_UNAVAILABLE = "urn:ws2:problem:service-unavailable";
    public static final String GATEWAY_TIMEOUT = "urn:ws2:problem:gateway-timeout";
    /** Same kind as the services' own 401s (ws2-service-defaults), so clients need not tell who refused. */
    public static final String UNAUTHORIZED = "urn:ws2:problem:unauthenticated";
    public static final String FORBIDDEN = "urn:ws2:problem:forbidden";
    public static final String NOT_FOUND = "urn:ws2:problem:not-found";
    public static final String BAD_REQUEST = "urn:ws2:problem:bad-request";
    /** Same kind as the services' own 413s. */
    public static final String BODY_TOO_LARGE = "urn:ws2:problem:body-too-large";
    public static final String URI_TOO_LONG = "urn:ws2:problem:uri-too-long";
    public static final String INTERNAL_ERROR = "urn:ws2:problem:internal-error";
    /** A caller over their allowance (ratelimit package); Retry-After says when to come back. */
    public static final String RATE_LIMITED = "urn:ws2:problem:rate-limited";

    private ProblemTypes() {
    }
}
