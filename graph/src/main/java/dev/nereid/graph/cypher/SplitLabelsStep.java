package dev.nereid.graph.cypher;

import dev.nereid.graph.Labels;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.Traverser;
import org.apache.tinkerpop.gremlin.process.traversal.step.map.FlatMapStep;
import org.apache.tinkerpop.gremlin.structure.Element;
import org.apache.tinkerpop.gremlin.structure.Vertex;

import java.util.Iterator;
import java.util.List;

/** {@code labels(n)}: each of a vertex's labels, where TinkerPop's label() gives the one string {@code A::B}. */
final class SplitLabelsStep extends FlatMapStep<Element, String> {

    SplitLabelsStep(Traversal.Admin<?, ?> traversal) {
        super(traversal);
    }

    @Override
    protected Iterator<String> flatMap(Traverser.Admin<Element> traverser) {
        Element e = traverser.get();
        return (e instanceof Vertex ? Labels.split(e.label()) : List.of(e.label())).iterator();
    }
}
