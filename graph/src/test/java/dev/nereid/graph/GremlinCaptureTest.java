package dev.nereid.graph;

import dev.nereid.stream.ErrorCode;
import dev.nereid.stream.NereidException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.__;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spec §5.3's Gremlin table, one test per row, and §5.5's Gremlin commits, record for record. */
class GremlinCaptureTest {

    private final GraphFixture f = new GraphFixture();

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    @Test
    void workedExample() {
        assertThat(f.run("""
                g.addV('person::employee').property(id,'v1').property('name','marko').property('age',29).next()
                g.addV('person').property(id,'v2').property('name','vadas').next()
                g.V('v1').addE('knows').to(__.V('v2')).property(id,'e1').property('weight',0.5d)""")).isPresent();
        assertThat(f.lines(1)).containsExactly(
                "1 ADD vl v1 label person", "2 ADD vl v1 label employee", "3 ADD vl v2 label person",
                "4 ADD vp v1 name \"marko\"", "5 ADD vp v1 age 29 Int", "6 ADD vp v2 name \"vadas\"",
                "7 ADD e e1 label knows v1→v2", "8 ADD ep e1 weight 0.5 Double *");

        f.run("g.V('v1').property(single,'age',30).property('lang','en').property('lang','fr')");
        assertThat(f.lines(2)).containsExactly(
                "1 REMOVE vp v1 age 29 Int", "2 ADD vp v1 age 30 Int", "3 ADD vp v1 lang \"en\"",
                "4 ADD vp v1 lang \"fr\" *");

        assertThat(f.run("g.V('v2').property('name','vadas').next(); g.V('v1').property(single,'age',30)")).isEmpty();

        f.run("g.V('v1').drop()");
        assertThat(f.lines(3)).containsExactly(
                "1 REMOVE ep e1 weight 0.5 Double", "2 REMOVE e e1 label knows v1→v2",
                "3 REMOVE vp v1 name \"marko\"", "4 REMOVE vp v1 age 30 Int", "5 REMOVE vp v1 lang \"en\"",
                "6 REMOVE vp v1 lang \"fr\"", "7 REMOVE vl v1 label person", "8 REMOVE vl v1 label employee *");
        assertThat(f.lastCommitNum()).isEqualTo(3);
    }

    /** Background of §5.3: v1 has age {29}; edge e1 (v1→v2) has w = 1. Commit 1. */
    private void background() {
        f.run("g.addV('person').property(id,'v1').property('age',29).as('a')"
                + ".addV('person').property(id,'v2').as('b')"
                + ".addE('knows').from('a').to('b').property(id,'e1').property('w',1)");
        assertThat(f.lastCommitNum()).isEqualTo(1);
    }

    private List<String> runAndLines(String script) {
        long commit = f.run(script).orElseThrow().commitNum();
        return f.lines(commit);
    }

    @Test
    void addVWithoutLabelGetsTheDefaultLabel() {
        List<String> lines = runAndLines("g.addV().property(id,'x')");
        assertThat(lines).containsExactly("1 ADD vl x label vertex *");
    }

    @Test
    void addVWithGeneratedIdUsesALowercaseUuid() {
        List<String> lines = runAndLines("g.addV('person')");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).matches("1 ADD vl [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} label person \\*");
    }

    @Test
    void addVWithProperties() {
        assertThat(runAndLines("g.addV('person').property(id,'x').property('name','marko').property('age',29)"))
                .containsExactly("1 ADD vl x label person", "2 ADD vp x name \"marko\"", "3 ADD vp x age 29 Int *");
    }

    @Test
    void multiLabels() {
        assertThat(runAndLines("g.addV('A::B::C').property(id,'x')"))
                .containsExactly("1 ADD vl x label A", "2 ADD vl x label B", "3 ADD vl x label C *");
    }

    @Test
    void eachOfAVertexsLabelsMatchesHasLabel() {
        f.run("g.addV('A::B').property(id,'ab')");
        f.run("g.addV('B').property(id,'b')");
        f.run("g.addV('C').property(id,'c')");
        assertThat(f.g.V().hasLabel("A").id().toList()).containsExactly("ab");
        assertThat(f.g.V().hasLabel("B").id().toList()).containsExactlyInAnyOrder("ab", "b");
        assertThat(f.g.V().hasLabel("A", "C").id().toList()).containsExactlyInAnyOrder("ab", "c");
        assertThat(f.g.V().not(__.hasLabel("B")).id().toList()).containsExactly("c");
        assertThat(f.g.V("ab").label().next()).isEqualTo("A::B");
        assertThat(f.g.V().has(org.apache.tinkerpop.gremlin.structure.T.label,
                org.apache.tinkerpop.gremlin.process.traversal.P.neq("A")).id().toList()).containsExactlyInAnyOrder("b", "c");
        f.graph.tx().rollback();
    }

    @Test
    void addVOnAnExistingIdAddsTheLabelAndNewValuesOnly() {
        f.run("g.addV('L1').property(id,'x').property('name','a')");
        assertThat(runAndLines("g.addV('L2').property(id,'x').property('name','a').property('name','b')"))
                .containsExactly("1 ADD vl x label L2", "2 ADD vp x name \"b\" *");
        assertThat(f.g.V("x").label().next()).isEqualTo("L1::L2");
        f.graph.tx().rollback();
    }

    @Test
    void addVWithAnIdThatAlreadyHasTheLabelIsAConstraintViolation() {
        f.run("g.addV('L1').property(id,'x')");
        assertThatThrownBy(() -> f.run("g.addV('L1').property(id,'x').property('name','n')"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CONSTRAINT_VIOLATION);
                    assertThat(e.detailedMessage()).isEqualTo("Vertex with id already exists: x");
                });
        assertThat(f.lastCommitNum()).isEqualTo(1);
    }

    @Test
    void addEWithAnExistingEdgeIdIsAConstraintViolation() {
        background();
        assertThatThrownBy(() -> f.run("g.V('v2').addE('other').to(__.V('v1')).property(id,'e1')"))
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.CONSTRAINT_VIOLATION);
                    assertThat(e.detailedMessage()).isEqualTo("Edge with id already exists: e1");
                });
        assertThat(f.lastCommitNum()).isEqualTo(1);
    }

    @Test
    void aVertexAndAnEdgeMayShareAnId() {
        background();
        assertThat(runAndLines("g.V('v1').addE('self').to(__.V('v1')).property(id,'v1')"))
                .containsExactly("1 ADD e v1 label self v1→v1 *");
    }

    @Test
    void addEWithAProperty() {
        background();
        assertThat(runAndLines("g.V('v1').addE('knows').to(__.V('v2')).property(id,'e2').property('since',2020)"))
                .containsExactly("1 ADD e e2 label knows v1→v2", "2 ADD ep e2 since 2020 Int *");
    }

    @Test
    void edgePropertiesAreAddedInWrittenOrder() {
        background();
        assertThat(runAndLines("g.V('v1').addE('knows').to(__.V('v2')).property(id,'e2').property('z',1).property('a',2).property('m',3)"))
                .containsExactly("1 ADD e e2 label knows v1→v2", "2 ADD ep e2 z 1 Int", "3 ADD ep e2 a 2 Int",
                        "4 ADD ep e2 m 3 Int *");
        assertThat(runAndLines("g.E('e2').property('y',1).property('b',2).property('a',5)"))
                .containsExactly("1 REMOVE ep e2 a 2 Int", "2 ADD ep e2 y 1 Int", "3 ADD ep e2 b 2 Int",
                        "4 ADD ep e2 a 5 Int *");
        assertThat(runAndLines("g.E('e2').drop()")).containsExactly(
                "1 REMOVE ep e2 z 1 Int", "2 REMOVE ep e2 m 3 Int", "3 REMOVE ep e2 y 1 Int",
                "4 REMOVE ep e2 b 2 Int", "5 REMOVE ep e2 a 5 Int", "6 REMOVE e e2 label knows v1→v2 *");
    }

    @Test
    void setCardinalityIsTheDefault() {
        background();
        assertThat(runAndLines("g.V('v1').property('age',30)")).containsExactly("1 ADD vp v1 age 30 Int *");
        assertThat(f.run("g.V('v1').property('age',29)")).isEmpty();
    }

    @Test
    void singleCardinalityReplacesTheOldValue() {
        background();
        assertThat(runAndLines("g.V('v1').property(single,'age',30)"))
                .containsExactly("1 REMOVE vp v1 age 29 Int", "2 ADD vp v1 age 30 Int *");
    }

    @Test
    void singleCardinalityKeepsAValueItAlreadyHas() {
        background();
        f.run("g.V('v1').property('age',30).property('age',31)");
        assertThat(runAndLines("g.V('v1').property(single,'age',30)"))
                .containsExactly("1 REMOVE vp v1 age 29 Int", "2 REMOVE vp v1 age 31 Int *");
    }

    @Test
    void dropOfAPropertyRemovesEachValue() {
        background();
        f.run("g.V('v1').property('age',30)");
        assertThat(runAndLines("g.V('v1').properties('age').drop()"))
                .containsExactly("1 REMOVE vp v1 age 29 Int", "2 REMOVE vp v1 age 30 Int *");
    }

    @Test
    void edgePropertyUpdate() {
        background();
        assertThat(runAndLines("g.E('e1').property('w',2)"))
                .containsExactly("1 REMOVE ep e1 w 1 Int", "2 ADD ep e1 w 2 Int *");
    }

    @Test
    void edgeDrop() {
        background();
        f.run("g.E('e1').property('z','last')");
        assertThat(runAndLines("g.E('e1').drop()"))
                .containsExactly("1 REMOVE ep e1 w 1 Int", "2 REMOVE ep e1 z \"last\"",
                        "3 REMOVE e e1 label knows v1→v2 *");
    }

    @Test
    void vertexDropRemovesItsEdgesOldestFirstThenItsPropertiesThenItsLabels() {
        background();
        f.run("g.V('v2').addE('likes').to(__.V('v1')).property(id,'e0').property('a','x')");
        f.run("g.V('v1').addE('self').to(__.V('v1')).property(id,'e9')");
        assertThat(runAndLines("g.V('v1').drop()")).containsExactly(
                "1 REMOVE ep e1 w 1 Int", "2 REMOVE ep e0 a \"x\"",
                "3 REMOVE e e1 label knows v1→v2", "4 REMOVE e e0 label likes v2→v1",
                "5 REMOVE e e9 label self v1→v1",
                "6 REMOVE vp v1 age 29 Int", "7 REMOVE vl v1 label person *");
    }

    @Test
    void addAndDropInOneScriptChangesNothing() {
        assertThat(f.run("g.addV('temp').property(id,'t').next(); g.V('t').drop()")).isEmpty();
        assertThat(f.lastCommitNum()).isZero();
    }

    @Test
    void aVertexReCreatedInOneScriptKeepsItsLabelOrderAsTheStreamHasIt() throws Exception {
        f.run("g.addV('B::A').property(id,'x')");
        assertThat(runAndLines("g.V('x').drop().iterate(); g.addV('A::B::C').property(id,'x')"))
                .containsExactly("1 ADD vl x label C *");
        assertThat(f.g.V("x").label().next()).isEqualTo("B::A::C");
        try (NereidGraph replayed = NereidGraph.open(f.log)) {
            assertThat(replayed.content()).isEqualTo(f.graph.content());
        }
    }

    @Test
    void readOnlyTraversalTakesNoCommitNum() {
        background();
        assertThat(f.run("g.V().count()")).isEmpty();
        assertThat(f.run("g.V('v1').values('age')")).isEmpty();
    }

    @Test
    void scriptLiteralsKeepTheirTypes() {
        assertThat(runAndLines("g.addV('t').property(id,'x').property('i',1).property('l',3000000000)"
                + ".property('b',1b).property('s',2s).property('L',4l).property('f',1.5f).property('d',2.5d)"
                + ".property('u',0.5).property('t',true).property('dt',datetime('2026-01-01T00:00:00Z'))"))
                .containsExactly("1 ADD vl x label t", "2 ADD vp x i 1 Int", "3 ADD vp x l 3000000000 Long",
                        "4 ADD vp x b 1 Byte", "5 ADD vp x s 2 Short", "6 ADD vp x L 4 Long",
                        "7 ADD vp x f 1.5 Float", "8 ADD vp x d 2.5 Double", "9 ADD vp x u 0.5 Double",
                        "10 ADD vp x t true Bool", "11 ADD vp x dt 1767225600000 Date *");
    }

    @Test
    void unstorableValuesAreRefusedAndNothingIsWritten() {
        background();
        assertRefused("g.V('v1').property('k',[1,2])", "Unsupported property value type ArrayList for key 'k'");
        assertRefused("g.V('v1').property('k',[a:1])", "Unsupported property value type LinkedHashMap for key 'k'");
        assertRefused("g.V('v1').property('k',1.5m)", "Unsupported property value type BigDecimal for key 'k'");
        assertRefused("g.V('v1').property('k',1n)", "Unsupported property value type BigInteger for key 'k'");
        assertRefused("g.V('v1').property('k',null)", "Unsupported property value type null for key 'k'");
        assertRefused("g.addV('x').property('k',null)", "Unsupported property value type null for key 'k'");
        assertRefused("g.V('v1').property('k',NaN)", "Unsupported property value type Double NaN for key 'k'");
        assertRefused("g.V('v1').property('k',Infinity)", "Unsupported property value type Double Infinity for key 'k'");
        assertRefused("g.V('v1').property('k',__.constant(null))", "Unsupported property value type null for key 'k'");
        assertRefused("g.V('v1').property(single,'age',__.constant(null))", "Unsupported property value type null for key 'age'");
        assertRefused("g.E('e1').property('w',__.constant(null))", "Unsupported property value type null for key 'w'");
        assertRefused("g.V('v1').property(list,'k',1)", "Unsupported cardinality list for key 'k': a key holds a set of values");
        assertRefused("g.V('v1').property('k',1,'meta',2)", "Meta-properties are not supported: key 'k'");
        assertRefused("g.V('v1').properties('age').property('meta',2)", "Meta-properties are not supported: key 'age'");
        assertThat(f.lastCommitNum()).isEqualTo(1);
        assertThat(f.g.V("v1").valueMap().next().keySet()).containsExactly("age");
        f.graph.tx().rollback();
    }

    @Test
    void ioStepsAreRefusedBeforeTheyTouchTheServersDisk(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        background();
        java.nio.file.Path file = dir.resolve("graph.json");
        assertRefused("g.io('" + file + "').write()", "The io() step is not supported");
        assertRefused("g.io('" + file + "').read()", "The io() step is not supported");
        assertThat(file).doesNotExist();
        assertThat(f.lastCommitNum()).isEqualTo(1);
    }

    private void assertRefused(String script, String message) {
        assertThatThrownBy(() -> f.run(script)).as(script)
                .isInstanceOfSatisfying(NereidException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_OPERATION);
                    assertThat(e.detailedMessage()).isEqualTo(message);
                });
    }
}
