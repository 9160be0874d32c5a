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

    @Test
    void replayOrderKeepsTheLabelsHeldBeforeInTheirPlacesAndAppendsTheNewOnes() {
        assertThat(Labels.replayOrder(java.util.List.of("B", "A"), java.util.List.of("A", "B", "C")))
                .containsExactly("B", "A", "C");
        assertThat(Labels.replayOrder(java.util.List.of("B", "A", "D"), java.util.List.of("C", "A")))
                .containsExactly("A", "C");
        assertThat(Labels.replayOrder(java.util.List.of(), java.util.List.of("C", "A")))
                .containsExactly("C", "A");
    }
}
