package org.ws2.groups.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AssignmentCsvTest {

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        assertThat(AssignmentCsv.cell("say \"hi\", then")).isEqualTo("\"say \"\"hi\"\", then\"");
        assertThat(AssignmentCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AssignmentCsv.cell(null)).isEmpty();
    }
}
