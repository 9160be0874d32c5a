package dev.nereid.bench.cypher;

import dev.nereid.graph.NereidGraph;
import dev.nereid.graph.cypher.OpenCypher;
import dev.nereid.graph.gremlin.NeptuneScriptEngine;
import dev.nereid.log.MemoryChangeLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.tinkerpop.gremlin.jsr223.JavaTranslator;
import org.apache.tinkerpop.gremlin.process.traversal.Bytecode;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;
import org.apache.tinkerpop.gremlin.process.traversal.strategy.verification.LambdaRestrictionStrategy;
import org.opencypher.gremlin.translation.CypherAst;
import org.opencypher.gremlin.translation.translator.Translator;
import org.opencypher.gremlin.translation.translator.TranslatorFlavor;
import org.opencypher.v9_0.parser.CypherParser;
import scala.Option;

/**
 * Where a statement's time goes inside the engine, without HTTP, fsync or a second JVM: one thread,
 * the graph over an in-memory log, each phase timed alone in a loop. The whole statements are
 * {@link OpenCypher#execute} and what {@code /gremlin} over HTTP runs ({@link NeptuneScriptEngine#evaluate},
 * iterate, commit). The openCypher phases are the library calls {@code OpenCypher.execute} makes before
 * the traversal runs, made the same way here (Nereid's own wrappers around them are package-private),
 * and the strategies TinkerPop applies when the traversal starts; whatever the phases leave of the
 * whole is running the traversal, committing, and Nereid's small rewrites.
 *
 * <p>Phases alternate in short slices, several times over, and each figure is the median of its
 * slices, so a slow moment of the machine lands on every phase alike.
 *
 * @param micros per variant and phase, the median microseconds per call
 */
record StatementCost(Map<Variant, Map<Phase, Double>> micros) {
    private static final String QUERY = "CREATE (n:Person {name: $name, age: $age})";
    /** Phases timed per round: six for each openCypher variant, three for Gremlin. */
    static final int PHASES_TIMED = 15;

    /** What one call of a phase costs; the statements run in the same order as in {@code OpenCypher.execute}. */
    enum Phase {
        WHOLE("whole statement"),
        REWRITE_PARSE("front-end parse for Nereid's text rewrite (CypherParser)"),
        PARSE("parse to AST, rewrite, semantic analysis (CypherAst.parse), once per statement text; "
                + "Gremlin: gremlin-lang to traversal"),
        BYTECODE("AST to Gremlin bytecode (buildTranslation)"),
        TRAVERSAL("bytecode to traversal (JavaTranslator)"),
        STRATEGIES("traversal strategies (applyStrategies)");

        private final String label;

        Phase(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** Keeps the JIT from discarding a result nobody reads. */
    private static volatile int sink;

    /** One call of a phase for the n-th statement; returns the nanoseconds of the part being measured. */
    private interface Step {
        long run(long n) throws Exception;
    }

    private record Key(Variant variant, Phase phase) {
    }

    static StatementCost measure(Duration warmUp, int rounds, Duration slice) throws Exception {
        try (MemoryChangeLog log = new MemoryChangeLog(); NereidGraph graph = NereidGraph.open(log)) {
            Map<Key, Step> steps = steps(graph);
            if (steps.size() != PHASES_TIMED) {
                throw new IllegalStateException("PHASES_TIMED, which the watchdog's budget uses, is out of date");
            }
            Map<Key, List<Double>> slices = new LinkedHashMap<>();
            steps.keySet().forEach(k -> slices.put(k, new ArrayList<>()));
            long[] n = {0};
            long warmUpEnd = System.nanoTime() + warmUp.toNanos();
            while (System.nanoTime() < warmUpEnd) {
                for (Step step : steps.values()) {
                    time(step, n, Duration.ofMillis(50));
                }
            }
            for (int r = 0; r < rounds; r++) {
                for (Map.Entry<Key, Step> e : steps.entrySet()) {
                    slices.get(e.getKey()).add(time(e.getValue(), n, slice));
                }
            }
            Map<Variant, Map<Phase, Double>> micros = new LinkedHashMap<>();
            slices.forEach((k, v) -> {
                v.sort(null);
                micros.computeIfAbsent(k.variant(), x -> new LinkedHashMap<>()).put(k.phase(), v.get(v.size() / 2));
            });
            return new StatementCost(micros);
        }
    }

    /** Calls {@code step} for {@code slice}, each call with a new number so no text repeats; microseconds per call. */
    private static double time(Step step, long[] n, Duration slice) throws Exception {
        long end = System.nanoTime() + slice.toNanos();
        long measured = 0;
        long calls = 0;
        while (System.nanoTime() < end) {
            measured += step.run(++n[0]);
            calls++;
        }
        return measured / 1e3 / calls;
    }

    private static Map<Key, Step> steps(NereidGraph graph) {
        OpenCypher cypher = new OpenCypher(graph);
        GraphTraversalSource g = graph.traversal();
        // As OpenCypher builds it: the translator's helpers are lambdas. (The varargs of one class is safe.)
        @SuppressWarnings("unchecked")
        GraphTraversalSource cypherG = graph.traversal().withoutStrategies(LambdaRestrictionStrategy.class);
        Map<Key, Step> steps = new LinkedHashMap<>();
        for (Variant v : List.of(Variant.CYPHER_PARAMETERS, Variant.CYPHER_LITERALS)) {
            steps.put(new Key(v, Phase.WHOLE), n -> {
                long start = System.nanoTime();
                sink += cypher.execute(query(v, n), parameters(v, n)).size();
                return System.nanoTime() - start;
            });
            steps.put(new Key(v, Phase.REWRITE_PARSE), n -> {
                String query = query(v, n);
                long start = System.nanoTime();
                sink += new CypherParser().parse(query, Option.empty()).hashCode();
                return System.nanoTime() - start;
            });
            steps.put(new Key(v, Phase.PARSE), n -> {
                String query = query(v, n);
                Map<String, Object> parameters = parameters(v, n);
                long start = System.nanoTime();
                sink += CypherAst.parse(query, parameters).hashCode();
                return System.nanoTime() - start;
            });
            // The later phases do not depend on the values: one statement's AST and bytecode serve every call.
            CypherAst ast = CypherAst.parse(query(v, 0), parameters(v, 0));
            steps.put(new Key(v, Phase.BYTECODE), n -> {
                long start = System.nanoTime();
                sink += translate(ast).hashCode();
                return System.nanoTime() - start;
            });
            Bytecode bytecode = translate(ast);
            steps.put(new Key(v, Phase.TRAVERSAL), n -> {
                long start = System.nanoTime();
                sink += JavaTranslator.of(cypherG).translate(bytecode).hashCode();
                return System.nanoTime() - start;
            });
            steps.put(new Key(v, Phase.STRATEGIES), n -> {
                Traversal.Admin<?, ?> traversal = JavaTranslator.of(cypherG).translate(bytecode).asAdmin();
                return strategies(graph, traversal);
            });
        }
        steps.put(new Key(Variant.GREMLIN, Phase.WHOLE), n -> {
            long start = System.nanoTime();
            sink += ((Traversal<?, ?>) NeptuneScriptEngine.evaluate(g, script(n))).toList().size();
            graph.tx().commit();
            return System.nanoTime() - start;
        });
        steps.put(new Key(Variant.GREMLIN, Phase.PARSE), n -> {
            String script = script(n);
            long start = System.nanoTime();
            sink += NeptuneScriptEngine.evaluate(g, script).hashCode();
            return System.nanoTime() - start;
        });
        steps.put(new Key(Variant.GREMLIN, Phase.STRATEGIES), n ->
                strategies(graph, ((Traversal<?, ?>) NeptuneScriptEngine.evaluate(g, script(n))).asAdmin()));
        return steps;
    }

    /** Applies the strategies alone, without running the traversal; the graph is left with no transaction open. */
    private static long strategies(NereidGraph graph, Traversal.Admin<?, ?> traversal) {
        long start = System.nanoTime();
        traversal.applyStrategies();
        long nanos = System.nanoTime() - start;
        sink += traversal.getSteps().size();
        if (graph.tx().isOpen()) {
            graph.tx().rollback();
        }
        return nanos;
    }

    /** As {@code OpenCypher.execute} builds it, once per statement. */
    private static Bytecode translate(CypherAst ast) {
        return ast.buildTranslation(Translator.builder()
                .bytecode()
                .inlineParameters()
                .enableCypherExtensions()
                .enableMultipleLabels()
                .build(TranslatorFlavor.gremlinServer()));
    }

    private static String query(Variant v, long n) {
        return v == Variant.CYPHER_PARAMETERS ? QUERY
                : "CREATE (n:Person {name: 'x-person " + n + "', age: " + (n % 100) + "})";
    }

    private static Map<String, Object> parameters(Variant v, long n) {
        return v == Variant.CYPHER_PARAMETERS ? Map.of("name", "x-person " + n, "age", n % 100) : Map.of();
    }

    private static String script(long n) {
        return "g.addV('Person').property('name','x-person " + n + "').property('age'," + (n % 100) + "L)";
    }

    /** Microseconds per call of {@code phase} for {@code variant}, NaN where the phase does not apply. */
    double of(Variant variant, Phase phase) {
        return micros.getOrDefault(variant, Map.of()).getOrDefault(phase, Double.NaN);
    }

    /**
     * What the measured phases leave of the whole statement: running, committing, Nereid's rewrites. The
     * parameterised statement's text never changes, so the engine parses it once (its parsed-statement
     * cache) and its whole statement holds no parse to take away.
     */
    double rest(Variant variant) {
        double rest = of(variant, Phase.WHOLE);
        for (Phase p : Phase.values()) {
            double m = of(variant, p);
            boolean paid = !(p == Phase.PARSE && variant == Variant.CYPHER_PARAMETERS);
            if (p != Phase.WHOLE && paid && !Double.isNaN(m)) {
                rest -= m;
            }
        }
        return rest;
    }
}
