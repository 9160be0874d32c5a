package dev.nereid.graph.capture;

import dev.nereid.stream.PgValue;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The net diff and the order of spec §5.2, on images alone. */
class ChangeCaptureTest {

    private static PropertyImage p(String key, Object value) {
        return new PropertyImage(key, PgValue.of(value));
    }

    private static VertexImage v(String id, List<String> labels, PropertyImage... props) {
        return new VertexImage(id, labels, List.of(props));
    }

    private static EdgeImage e(String id, String from, String to, PropertyImage... props) {
        return new EdgeImage(id, "L", from, to, List.of(props));
    }

    private static List<String> render(List<PgChange> changes) {
        return changes.stream().map(c -> c.op() + " " + c.data().type().wireName() + " " + c.data().id() + " "
                + c.data().key() + "=" + c.data().value().toJava()).toList();
    }

    @Test
    void nothingChangedGivesNoRecord() {
        VertexImage same = v("a", List.of("A"), p("k", 1));
        EdgeImage edge = e("e", "a", "a", p("w", 1));
        assertThat(ChangeCapture.diff(List.of(new VertexChange("a", same, same, 1)),
                List.of(new EdgeChange("e", edge, edge, 2, 7)))).isEmpty();
    }

    @Test
    void relabelIsRemoveOldThenAddNew() {
        assertThat(render(ChangeCapture.diff(List.of(new VertexChange("a",
                v("a", List.of("A", "B")), v("a", List.of("B", "C")), 1)), List.of())))
                .containsExactly("REMOVE vl a label=A", "ADD vl a label=C");
    }

    @Test
    void groupsComeInTheSpecOrderWhateverTheTouchOrder() {
        List<VertexChange> vertices = List.of(
                new VertexChange("new", null, v("new", List.of("N"), p("k", 1)), 5),
                new VertexChange("old", v("old", List.of("O"), p("k", 2)), null, 1));
        List<EdgeChange> edges = List.of(
                new EdgeChange("e2", null, e("e2", "new", "new", p("w", 3)), 6, Long.MAX_VALUE),
                new EdgeChange("e1", e("e1", "old", "old", p("w", 4)), null, 2, 10));
        assertThat(render(ChangeCapture.diff(vertices, edges))).containsExactly(
                "REMOVE ep e1 w=4", "REMOVE e e1 label=L", "REMOVE vp old k=2", "REMOVE vl old label=O",
                "ADD vl new label=N", "ADD vp new k=1", "ADD e e2 label=L", "ADD ep e2 w=3");
    }

    @Test
    void edgesAVertexDropReachedComeWhereTheVertexWasTouchedOldestFirst() {
        List<VertexChange> vertices = List.of(new VertexChange("hub", v("hub", List.of("H")), null, 10));
        List<EdgeChange> edges = List.of(
                new EdgeChange("young", e("young", "hub", "x"), null, 11, 900),
                new EdgeChange("explicit", e("explicit", "y", "z"), null, 3, 950),
                new EdgeChange("old", e("old", "x", "hub"), null, 12, 100));
        assertThat(render(ChangeCapture.diff(vertices, edges))).containsExactly(
                "REMOVE e explicit label=L", "REMOVE e old label=L", "REMOVE e young label=L",
                "REMOVE vl hub label=H");
    }

    @Test
    void aValueTypeIsPartOfTheStatement() {
        assertThat(render(ChangeCapture.diff(List.of(new VertexChange("a",
                v("a", List.of("A"), p("k", 1)), v("a", List.of("A"), p("k", 1L)), 1)), List.of())))
                .containsExactly("REMOVE vp a k=1", "ADD vp a k=1");
    }
}
