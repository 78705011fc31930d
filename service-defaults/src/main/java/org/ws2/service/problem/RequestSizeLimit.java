package org.ws2.service.problem;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request body larger than {@code ws2.http.max-body-size}, counting the bytes that really
 * arrive: a declared {@code Content-Length} over the limit is refused before anything reads it, and
 * a body without one (chunked) fails with {@link BodyTooLargeException} as soon as the reader passes
 * the limit, so an oversized document never reaches the JSON parser whole. Uploads are exempt here:
 * their limit is the multipart one ({@code spring.servlet.multipart.max-request-size}), which Tomcat
 * also counts on the real stream.
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
        if (multipart) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > maxBytes) {
            write(tooLarge(maxBytes, request.getRequestURI()), response, jsonMapper);
            return;
        }
        chain.doFilter(new CountedRequest(request, maxBytes), response);
    }

    static ProblemDetail tooLarge(long maxBytes, String path) {
        ProblemDetail problem = ApiProblem.problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                "Request body too large", "The request body is larger than the " + maxBytes + " bytes accepted.");
        problem.setInstance(URI.create(path));
        return problem;
    }

    private static void write(ProblemDetail problem, HttpServletResponse response, JsonMapper jsonMapper)
            throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        jsonMapper.writeValue(response.getOutputStream(), problem);
    }

    /** Thrown by the counted body stream once more than the limit has been read. */
    public static class BodyTooLargeException extends IOException {
        private final long maxBytes;

        BodyTooLargeException(long maxBytes) {
            super("The request body is larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }

    private static final class CountedRequest extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream counted;

        CountedRequest(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountedStream(super.getInputStream(), maxBytes);
            }
            return counted;
        }
    }

    private static final class CountedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        CountedStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
