package dev.nereid.bench.fuzz;

import java.util.Random;

/**
 * Valid Gremlin scripts, reads and writes, that succeed whatever the graph holds: writes create fresh ids
 * or touch known ones through steps that do nothing when the element is gone.
 */
public final class GremlinCorpus {
    private static final String[] NAMES = {"marko", "vadas", "josh", "peter", "ann", "é", "名前", "O''Brien"};

    private GremlinCorpus() {
    }

    /** A script and whether it writes. */
    public record Script(String text, boolean writes) {
    }

    public static Script any(Random r, IdPool ids) {
        return r.nextInt(5) < 2 ? read(r, ids) : write(r, ids);
    }

    public static Script read(Random r, IdPool ids) {
        String known = ids.known(r);
        String text = switch (r.nextInt(10)) {
            case 0 -> "g.V().count()";
            case 1 -> "g.E().count()";
            case 2 -> "g.V().limit(3).valueMap(true)";
            case 3 -> "g.V('" + known + "').out('knows').id()";
            case 4 -> "g.V().hasLabel('person').values('name').limit(5)";
            case 5 -> "g.V().has('age', gt(" + r.nextInt(60) + ")).count()";
            case 6 -> "g.V().groupCount().by(label)";
            case 7 -> "g.E().limit(2).project('from','to').by(outV().id()).by(inV().id())";
            case 8 -> "g.V('" + known + "').elementMap()";
            default -> "g.inject(1, 2, 3).sum()";
        };
        return new Script(text, false);
    }

    public static Script write(Random r, IdPool ids) {
        String a = ids.known(r);
        String b = ids.known(r);
        String text = switch (r.nextInt(10)) {
            case 0, 1 -> "g.addV('person').property(id,'" + ids.fresh(r) + "').property('name','" + name(r)
                    + "').property('age'," + r.nextInt(90) + ")";
            case 2 -> "g.addV('person::employee').property(id,'" + ids.fresh(r) + "').property('since',"
                    + r.nextInt(3000) + "L)";
            case 3 -> "g.V('" + a + "').property(single,'age'," + r.nextInt(90) + ")";
            case 4 -> "g.V('" + a + "').property('lang','" + name(r) + "')";
            case 5 -> "g.V('" + a + "').as('a').V('" + b + "').addE('knows').from('a').property('weight',0."
                    + r.nextInt(10) + "d)";
            case 6 -> {
                String id = ids.fresh(r);
                yield "g.V('" + id + "').fold().coalesce(unfold(), addV('city').property(id,'" + id
                        + "')).property(single,'name','" + name(r) + "')";
            }
            case 7 -> r.nextInt(3) == 0 ? "g.V('" + a + "').drop()" : "g.V('" + a + "').outE().limit(1).drop()";
            case 8 -> "g.E().hasLabel('knows').limit(1).property('since'," + r.nextInt(3000) + ")";
            default -> {
                // Several traversals in one script: one transaction, the last one's result answered.
                String x = ids.fresh(r);
                String y = ids.fresh(r);
                yield "g.addV('person').property(id,'" + x + "');g.addV('person').property(id,'" + y + "')\n"
                        + "g.V('" + x + "').as('a').V('" + y + "').addE('knows').from('a');g.V().count()";
            }
        };
        return new Script(text, true);
    }

    private static String name(Random r) {
        return NAMES[r.nextInt(NAMES.length)].replace("''", "\\'");
    }
}
