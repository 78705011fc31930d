package org.ws2.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ChangedFieldsTest {

    private record Item(String title, String note, List<String> tags, long version) {
    }

    @Test
    void namesTheComponentsWhoseValueDiffersInDeclarationOrder() {
        var before = new Item("A", null, List.of("x"), 1);

        assertThat(ChangedFields.between(before, new Item("A", null, List.of("x"), 1))).isEmpty();
        assertThat(ChangedFields.between(before, new Item("B", "n", List.of("x"), 1))).containsExactly("title", "note");
        assertThat(ChangedFields.between(before, new Item("A", null, List.of("x", "y"), 2)))
                .containsExactly("tags", "version");
    }

    @Test
    void comparesOnlyTheEditableComponentsWhenNamed() {
        var before = new Item("A", "n", List.of(), 1);

        assertThat(ChangedFields.between(before, new Item("A", null, List.of(), 2), List.of("note", "title")))
                .containsExactly("note");
    }
}
