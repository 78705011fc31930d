package org.ws2.service.problem;

import java.net.URI;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error a request can meet into an RFC 9457 problem: Spring MVC's own (bad JSON,
 * wrong method, unknown path...) through {@link ResponseEntityExceptionHandler}, a service's
 * {@link ApiProblem}s, validation failures naming the field, and as a last resort a 500 that
 * reveals nothing internal.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestSizeLimit.BodyTooLargeException tooLarge = causeOf(ex, RequestSizeLimit.BodyTooLargeException.class);
        if (tooLarge != null) {
            ProblemDetail problem = RequestSizeLimit.tooLarge(tooLarge.maxBytes(),
                    request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "/");
            return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        ProblemDetail problem = ApiProblem.problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                unreadableDetail(ex));
        if (ex.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            problem.setProperty("field", fieldPath(databind));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = ex.getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        ProblemDetail problem = invalidInput(detail.isEmpty() ? "The request is invalid." : detail);
        if (ex.getFieldError() != null) {
            problem.setProperty("field", ex.getFieldError().getField());
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var results = ex.getParameterValidationResults();
        String detail = results.stream()
                .map(result -> result.getMethodParameter().getParameterName() + ": " + result.getResolvableErrors()
                        .stream().map(error -> error.getDefaultMessage()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = invalidInput(detail.isEmpty() ? "The request is invalid." : detail);
        if (!results.isEmpty()) {
            problem.setProperty("field", results.get(0).getMethodParameter().getParameterName());
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
        return answering(request, invalidInput(ex.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        ProblemDetail problem = invalidInput("'" + ex.getValue() + "' is not a valid value for '" + ex.getName() + "'.");
        problem.setProperty("field", ex.getName());
        return answering(request, problem);
    }

    /** Method security denies inside the controller, past the filter chain's own handlers. */
    @ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
    ResponseEntity<ProblemDetail> denied(RuntimeException ex, HttpServletRequest request) {
        boolean authenticated = request.getUserPrincipal() != null;
        HttpStatus status = authenticated ? HttpStatus.FORBIDDEN : HttpStatus.UNAUTHORIZED;
        ProblemDetail problem = answering(request, authenticated
                ? ApiProblem.problem(status, "forbidden", "Not allowed", "The token's roles do not allow this request.")
                : ApiProblem.problem(status, "unauthenticated", "Authentication required",
                        "This request needs a valid bearer token."));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (!authenticated) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.body(problem);
    }

    /** A date computed from valid input that still falls outside what java.time or the database hold. */
    @ExceptionHandler(DateTimeException.class)
    ProblemDetail dateOutOfRange(DateTimeException ex, HttpServletRequest request) {
        return answering(request, invalidInput("A date in the request is out of range or invalid: " + ex.getMessage()));
    }

    /**
     * The database is out of reach, or too slow to answer (connection or statement timeout): the
     * request changed nothing, and trying again shortly is the right thing for the client to do.
     */
    @ExceptionHandler({ CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            QueryTimeoutException.class, CannotCreateTransactionException.class,
            PessimisticLockingFailureException.class })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex, HttpServletRequest request) {
        log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(unavailable(request));
    }

    /**
     * The database went away in the middle of a transaction: a statement failed on the broken
     * connection, then so did the rollback, and Spring reports the rollback's failure in place of the
     * statement's. A transaction that was being rolled back committed nothing (PostgreSQL aborts one
     * whose connection is gone), and a rollback the JDBC connection could not carry out means the
     * database is out of reach: the same 503 as a database out of reach. Hikari's "Connection is
     * closed" has no SQLSTATE, so the JDBC failure itself is the sign, not its state. Any other failure
     * of the transaction machinery (a failed commit may have been applied) stays a 500.
     */
    @ExceptionHandler(TransactionSystemException.class)
    ResponseEntity<ProblemDetail> transactionFailed(TransactionSystemException ex, HttpServletRequest request) {
        if (ex.getApplicationException() != null && causeOf(ex, SQLException.class) != null) {
            return databaseUnavailable(ex, request);
        }
        return ResponseEntity.internalServerError().body(unexpected(ex, request));
    }

    static ProblemDetail unavailable(HttpServletRequest request) {
        return answering(request, ApiProblem.problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                "Service unavailable",
                "The service's database is not reachable right now; nothing was changed. Try again shortly."));
    }

    /**
     * PostgreSQL's "data exception" class (SQLSTATE 22xxx: a value out of range, a character it
     * cannot store) means the input was bad, not the service: a 400, never a 500. The checks in
     * {@link InputRules} catch the known cases earlier and name the field; this is the backstop.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> dataAccess(DataAccessException ex, HttpServletRequest request) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
            return ResponseEntity.badRequest().body(answering(request,
                    invalidInput("A value in the request cannot be stored (out of range or an invalid character).")));
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
            // connection exceptions the translator did not already make a resource failure
            return databaseUnavailable(ex, request);
        }
        return ResponseEntity.internalServerError().body(unexpected(ex, request));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex, HttpServletRequest request) {
        if (isUndecodableParameter(ex)) {
            // the client's mistake, not the service's: a 400, and no ERROR line to raise an alert
            log.debug("Undecodable parameters on {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
            ProblemDetail problem = invalidInput("A request parameter is not valid percent-encoded UTF-8.");
            problem.setProperty("field", "query");
            return answering(request, problem);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
        return answering(request, ApiProblem.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The service failed to process the request; it has been logged."));
    }

    /**
     * Tomcat's refusal of parameters it cannot decode (its {@code InvalidParameterException}), met on
     * the first {@code getParameter}; {@link InputRulesFilter} refuses such query strings earlier, so
     * this is the backstop (a form body, say). Named, not imported: a service may run on another container.
     */
    private static boolean isUndecodableParameter(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().equals("org.apache.tomcat.util.http.InvalidParameterException")) {
                return true;
            }
        }
        return false;
    }

    private static ProblemDetail invalidInput(String detail) {
        return ApiProblem.problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
    }

    /** {@code problem}, naming the request it answers as its {@code instance}. */
    private static ProblemDetail answering(HttpServletRequest request, ProblemDetail problem) {
        problem.setInstance(URI.create(request.getRequestURI()));
        return problem;
    }

    private static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    /** The JSON path of the offending value as a client wrote it, e.g. {@code links[0].url}. */
    private static String fieldPath(DatabindException databind) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : databind.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String unreadableDetail(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof InputRulesJsonModule.RejectedValue rejected && !rejected.getPath().isEmpty()) {
            return "Field '" + fieldPath(rejected) + "': " + rejected.getOriginalMessage();
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'.";
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return "Field '" + fieldPath(databind) + "' has a value of the wrong type or format.";
        }
        return "The request body is missing or is not valid JSON.";
    }
}
