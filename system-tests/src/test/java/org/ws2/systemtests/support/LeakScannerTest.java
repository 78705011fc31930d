package org.ws2.systemtests.support;

import org.junit.jupiter.api.Test;
import org.ws2.systemtests.support.LeakScanner.Reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check PrivacyLeakSystemIT relies on can fail: an answer holding a marker is reported, with where it was. */
class LeakScannerTest {

    @Test
    void reportsAMarkerFoundInAnAnswerWithWhereItWasFound() {
        LeakScanner scanner = new LeakScanner("7f3a");
        String comment = scanner.plant("comment", "comment text", Reader.ANONYMOUS, Reader.OTHER_GROUP_EDITOR);

        scanner.scan(Reader.ANONYMOUS, "GET /api/groups/G/assignments/2.1/history",
                "[{\"kind\":\"commented\",\"note\":\"" + comment + "\"}]");

        assertThat(comment).isEqualTo("leak-comment-7f3a");
        assertThat(scanner.hits()).singleElement().satisfies(hit -> {
            assertThat(hit.reader()).isEqualTo(Reader.ANONYMOUS);
            assertThat(hit.source()).isEqualTo("GET /api/groups/G/assignments/2.1/history");
            assertThat(hit.what()).contains("comment text");
        });
        assertThatThrownBy(scanner::assertNoLeaks).hasMessageContaining("GET /api/groups/G/assignments/2.1/history")
                .hasMessageContaining("leak-comment-7f3a");
    }

    @Test
    void findsAnAddressWhateverItsCaseAndAMarkerOnlyWhereItIsHidden() {
        LeakScanner scanner = new LeakScanner("7f3a");
        String email = scanner.plant("contact", "a contact's e-mail", Reader.ANONYMOUS, Reader.OTHER_GROUP_EDITOR)
                + "@example.org";
        String actor = scanner.plant("sub-support", "a writer's sub", Reader.ANONYMOUS);

        scanner.scan(Reader.OTHER_GROUP_EDITOR, "GET /api/groups/G", "{\"actor\":\"" + actor + "\"}");
        assertThat(scanner.hits()).isEmpty();
        scanner.assertNoLeaks();

        scanner.scan(Reader.OTHER_GROUP_EDITOR, "page /groups/G", "<td>" + email.toUpperCase() + "</td>");
        scanner.scan(Reader.ANONYMOUS, "topic ws2.groups.v1", "{\"actor\":\"" + actor + "\"}");
        assertThat(scanner.hits()).extracting(LeakScanner.Hit::source)
                .containsExactly("page /groups/G", "topic ws2.groups.v1");
    }

    @Test
    void reportsAFlaggedBreachToo() {
        LeakScanner scanner = new LeakScanner("7f3a");
        scanner.flag(Reader.ANONYMOUS, "GET /api/groups/G/assignments/4.1.4", "draft priority MEDIUM");

        assertThatThrownBy(scanner::assertNoLeaks).hasMessageContaining("draft priority MEDIUM");
    }
}
