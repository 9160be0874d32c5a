package dev.nereid.graph;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Spec §5.5's Gremlin commits, record for record. */
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
}
