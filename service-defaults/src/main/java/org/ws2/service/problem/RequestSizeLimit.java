package org.ws2.service.problem;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request body larger than {@code ws2.http.max-body-size} before anything reads it, so
 * that an oversized JSON document costs neither memory nor a parse. Uploads are exempt here: their
 * limit is the multipart one ({@code spring.servlet.multipart.max-request-size}).
 */
public class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final JsonMapper jsonMapper;

    public RequestSizeLimit(DataSize maxBodySize, JsonMapper jsonMapper) {
        this.maxBytes = maxBodySize.toBytes();
        this.jsonMapper = jsonMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean multipart = request.getContentType() != null
                && request.getContentType().toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
        if (!multipart && request.getContentLengthLong() > maxBytes) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body is " + request.getContentLengthLong() + " bytes; at most " + maxBytes
                            + " are accepted.");
            problem.setType(ApiProblem.typeUri("body-too-large"));
            problem.setTitle("Request body too large");
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            jsonMapper.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }
}
