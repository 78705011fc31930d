package org.ws2.service.problem;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat refuses some requests before any filter or controller runs (a {@code %00} or other invalid
 * escape in the path, for example). This valve writes those answers as RFC 9457 problems instead
 * of Tomcat's HTML page, so every 4xx a client sees has the one error format.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String detail = status == 400
                ? "The request line is not valid (for example a NUL character or a malformed escape in the path)."
                : "The request was refused before it reached the service.";
        String body = "{\"type\":\"urn:ws2:problem:" + (status == 400 ? "invalid-input" : "refused")
                + "\",\"title\":\"" + (status == 400 ? "Invalid input" : "Request refused") + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"" + (status == 400 ? ",\"field\":\"path\"" : "") + "}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed: nothing more to say
        }
    }
}
