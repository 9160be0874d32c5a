package dev.nereid.graph;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelsTest {

    @Test
    void splitsOnTheSeparatorLeftToRightEachLabelOnce() {
        assertThat(Labels.split("person")).containsExactly("person");
        assertThat(Labels.split("A::B::C")).containsExactly("A", "B", "C");
        assertThat(Labels.split("A::B::A")).containsExactly("A", "B");
        assertThat(Labels.split("::A::::B::")).containsExactly("A", "B");
        assertThat(Labels.split("a:b")).containsExactly("a:b");
        assertThat(Labels.split("")).isEmpty();
        assertThat(Labels.split("::")).isEmpty();
    }

    @Test
    void joinIsTheInverseForDistinctLabels() {
        assertThat(Labels.join(Labels.split("A::B"))).isEqualTo("A::B");
    }
}
