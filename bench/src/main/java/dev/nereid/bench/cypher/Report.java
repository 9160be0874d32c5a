package dev.nereid.bench.cypher;

import dev.nereid.bench.Latencies;
import static dev.nereid.bench.MarkdownTable.decimal;
import static dev.nereid.bench.MarkdownTable.rate;
import static dev.nereid.bench.MarkdownTable.ratio;

import dev.nereid.bench.Machine;
import dev.nereid.bench.MarkdownTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The run as docs/performance.md quotes it: per variant and client count, the median writes/s over
 * the rounds and the latency percentiles over all of them; then each openCypher variant over Gremlin,
 * as the median of the rounds' own ratios (the variants of one round ran back to back and shared the
 * machine's state of the moment); the checks; and the in-process cost of each step, if measured.
 *
 * @param cost null when the run skipped the in-process breakdown
 */
record Report(CypherWriteBench.Options options, Machine machine, List<Round> rounds, List<String> checks,
              StatementCost cost) {

    String render() {
        StringBuilder out = new StringBuilder("# openCypher CREATE against the same write in Gremlin, over HTTP\n\n");
        out.append("Machine: ").append(machine).append("\n\n");
        out.append(String.format(Locale.ROOT, "Arguments: %s. One Nereid server in its own JVM (streams on, fsync,"
                        + " fresh data directory). Rounds of %.1f s per variant and client count, %d asked for, after"
                        + " %d warm-up rounds of %.1f s per variant at the largest client count; variants interleaved"
                        + " in every round, the first one rotating;"
                        + " java.net.http, HTTP/1.1, one keep-alive connection per client.%n%n",
                options.arguments().isEmpty() ? "(defaults)" : String.join(" ", options.arguments()),
                options.roundLength().toMillis() / 1e3, options.rounds(), options.warmupRounds(),
                options.warmupLength().toMillis() / 1e3));
        out.append("Every write creates one `Person` node with a `name` string and an `age` long, one request, one"
                + " transaction. Latency is the client-observed round trip, over every round. Server CPU per write"
                + " is the server JVM's CPU time over the round (all its threads, JIT and GC included) over the"
                + " writes, median over rounds.\n\n");
        out.append(rates()).append('\n');
        out.append(ratios());
        out.append("Checks:\n\n");
        for (String check : checks) {
            out.append("- ").append(check).append('\n');
        }
        if (cost != null) {
            out.append('\n').append(breakdown());
        }
        return out.toString();
    }

    private MarkdownTable rates() {
        MarkdownTable table = new MarkdownTable("variant", "clients", "rounds", "writes/s (median)", "range", "p50 ms",
                "p99 ms", "server CPU µs/write");
        for (int clients : options.clientCounts()) {
            for (Variant v : options.variants()) {
                List<Round> of = of(v, clients);
                if (of.isEmpty()) {
                    continue;
                }
                List<Double> rates = sorted(of, Round::writesPerSecond);
                Latencies latencies = new Latencies();
                of.forEach(r -> latencies.addAll(r.latencies()));
                table.row(v.label(), Integer.toString(clients), Integer.toString(of.size()), rate(median(rates)),
                        rate(rates.get(0)) + "-" + rate(rates.get(rates.size() - 1)),
                        millis(latencies.percentileMillis(50)), millis(latencies.percentileMillis(99)),
                        rate(median(sorted(of, Round::cpuMicrosPerWrite))));
            }
        }
        return table;
    }

    private String ratios() {
        if (!options.variants().contains(Variant.GREMLIN)) {
            return "";
        }
        List<Variant> cyphers = options.variants().stream().filter(Variant::isCypher).toList();
        if (cyphers.isEmpty()) {
            return "";
        }
        List<String> header = new ArrayList<>(List.of("clients"));
        cyphers.forEach(v -> header.add(v.label() + " / Gremlin"));
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        for (int clients : options.clientCounts()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(clients)));
            for (Variant v : cyphers) {
                row.add(roundRatios(v, clients));
            }
            table.row(row.toArray(String[]::new));
        }
        return "Ratios of writes/s: the median of each round's ratio, range in brackets.\n\n" + table + "\n";
    }

    private String roundRatios(Variant cypher, int clients) {
        List<Round> a = of(cypher, clients);
        List<Round> b = of(Variant.GREMLIN, clients);
        if (a.isEmpty() || a.size() != b.size()) {
            return "";
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ratios.add(a.get(i).writesPerSecond() / b.get(i).writesPerSecond());
        }
        ratios.sort(null);
        return ratio(median(ratios)) + " (" + ratio(ratios.get(0)) + "-" + ratio(ratios.get(ratios.size() - 1)) + ")";
    }

    /** Phases as rows, the three statements as columns: µs per call and the share of that statement's whole. */
    private String breakdown() {
        List<Variant> columns = List.of(Variant.CYPHER_PARAMETERS, Variant.CYPHER_LITERALS, Variant.GREMLIN);
        List<String> header = new ArrayList<>(List.of("phase (µs per call, share of the whole)"));
        columns.forEach(v -> header.add(v.label()));
        MarkdownTable table = new MarkdownTable(header.toArray(String[]::new));
        for (StatementCost.Phase phase : StatementCost.Phase.values()) {
            List<String> row = new ArrayList<>(List.of(phase.label()));
            columns.forEach(v -> row.add(parsedOnce(v, phase)
                    ? decimal(cost.of(v, phase)) + " (first call only)"
                    : cell(cost.of(v, phase), cost.of(v, StatementCost.Phase.WHOLE))));
            table.row(row.toArray(String[]::new));
        }
        List<String> rest = new ArrayList<>(List.of("rest: running the traversal, commit (in-memory log), Nereid's rewrites"));
        columns.forEach(v -> rest.add(cell(cost.rest(v), cost.of(v, StatementCost.Phase.WHOLE))));
        table.row(rest.toArray(String[]::new));
        return "In-process cost of one statement: one thread, graph over an in-memory log, no HTTP; each phase timed"
                + " alone, median of " + options.breakdownRounds() + " slices.\n\n" + table;
    }

    /** The engine parses a statement text once; the parameterised statement's text never changes. */
    private static boolean parsedOnce(Variant v, StatementCost.Phase phase) {
        return v == Variant.CYPHER_PARAMETERS && phase == StatementCost.Phase.PARSE;
    }

    private static String cell(double micros, double whole) {
        if (Double.isNaN(micros)) {
            return "-";
        }
        return decimal(micros) + " (" + Math.round(100 * micros / whole) + "%)";
    }

    private List<Round> of(Variant v, int clients) {
        return rounds.stream().filter(r -> r.variant() == v && r.clients() == clients).toList();
    }

    private static List<Double> sorted(List<Round> rounds, ToDoubleFunction<Round> by) {
        List<Double> values = new ArrayList<>(rounds.stream().map(by::applyAsDouble).toList());
        values.sort(null);
        return values;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String millis(double value) {
        return value < 10 ? String.format(Locale.ROOT, "%.2f", value) : decimal(value);
    }
}
