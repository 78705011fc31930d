package org.ws2.reporting.report;

import org.ws2.contracts.recommendation.Programmes;
import org.ws2.service.problem.ApiProblem;

/**
 * The {@code programme} a report is asked for (issue 21): WS2 unless another review's code is given, so
 * that every report asked as before is WS2's, as it was.
 */
public final class ReportProgramme {

    /** What the reports' OpenAPI says of the parameter. */
    public static final String DESCRIPTION = "The programme reported on: WS2 (the default) or another review's code, e.g. ATRT3";

    private ReportProgramme() {
    }

    /** The programme asked for; a 400 problem naming {@code programme} when it is not a programme's code. */
    public static String parse(String programme) {
        if (programme == null || programme.isBlank()) {
            return Programmes.WS2;
        }
        String code = programme.strip();
        if (!Programmes.CODE.matcher(code).matches()) {
            throw ApiProblem.invalidInput("programme", "programme: a programme's code, upper-case letters and digits "
                    + "such as WS2 or ATRT3.");
        }
        return code;
    }
}
