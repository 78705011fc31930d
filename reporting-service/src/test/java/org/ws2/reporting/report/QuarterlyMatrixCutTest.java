package org.ws2.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.ws2.contracts.assignment.Progress;
import org.ws2.contracts.assignment.TriageState;
import org.ws2.reporting.report.ReportModels.MatrixRow;
import org.ws2.reporting.report.ReportModels.Quarterly;

class QuarterlyMatrixCutTest {

    @Test
    void aDocumentCarriesTheStartOfALargeMatrixAndSaysHowLargeItIs() {
        Quarterly whole = quarterlyWith(2500);

        Quarterly cut = whole.withMatrixCutTo(QuarterlyController.MATRIX_ROWS_IN_DOCUMENTS);

        assertThat(cut.matrix()).hasSize(1000).containsExactlyElementsOf(whole.matrix().subList(0, 1000));
        assertThat(cut.matrixTotal()).isEqualTo(2500);
        assertThat(quarterlyWith(27).withMatrixCutTo(1000).matrix()).hasSize(27);
    }

    private static Quarterly quarterlyWith(int rows) {
        List<MatrixRow> matrix = IntStream.range(0, rows).mapToObj(i -> new MatrixRow("6.1." + i, "Title", "Topic",
                "ALAC", "At-Large Advisory Committee", null, TriageState.TRIAGED, null, null, null, false,
                Progress.NOT_STARTED, null, null, null)).toList();
        return new Quarterly("2026-Q4", "Q4 2026", LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31"),
                Instant.parse("2026-11-30T00:00:00Z"), List.of(), List.of(), List.of(), List.of(), null, List.of(),
                List.of(), List.of(), List.of(), matrix, matrix.size());
    }
}
