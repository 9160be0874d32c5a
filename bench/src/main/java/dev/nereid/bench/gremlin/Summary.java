package dev.nereid.bench.gremlin;

import dev.nereid.bench.Latencies;
import static dev.nereid.bench.MarkdownTable.decimal;
import static dev.nereid.bench.MarkdownTable.rate;
import static dev.nereid.bench.MarkdownTable.ratio;

import dev.nereid.bench.Machine;
import dev.nereid.bench.MarkdownTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The run as docs/performance.md quotes it: per server and client count, the median writes/s over
 * the rounds and the latency percentiles over all of them; then the two ratios the goals are set
 * on. A ratio is the median of the rounds' own ratios: the servers of one round ran back to back
 * and shared the machine's state of the moment.
 */
record Summary(GremlinWriteBench.Options options, Machine machine, List<Round> rounds, List<String> checks,
               Latencies fsyncBefore, Latencies fsyncAfter) {

    String render() {
        MarkdownTable table = new MarkdownTable("server", "clients", "rounds", "writes/s (median)", "range",
                "p50 ms", "p99 ms", "server CPU µs/write", "clients' CPU µs/write");
        for (int clients : options.clientCounts()) {
            for (ServerKind kind : options.servers()) {
                List<Round> of = of(kind, clients);
                if (of.isEmpty()) {
                    continue;
                }
                List<Double> rates = new ArrayList<>(of.stream().map(Round::writesPerSecond).toList());
                rates.sort(null);
                Latencies latencies = new Latencies();
                of.forEach(r -> latencies.addAll(r.latencies()));
                table.row(kind.label(), Integer.toString(clients), Integer.toString(of.size()),
                        rate(median(rates)), rate(rates.get(0)) + "-" + rate(rates.get(rates.size() - 1)),
                        millis(latencies.percentileMillis(50)), millis(latencies.percentileMillis(99)),
                        rate(median(of, Round::cpuMicrosPerWrite)), rate(median(of, Round::clientCpuMicrosPerWrite)));
            }
        }
        StringBuilder out = new StringBuilder("# Gremlin writes over WebSocket\n\n");
        out.append("Machine: ").append(machine).append("\n\n");
        out.append(String.format(Locale.ROOT, "Arguments: %s. Rounds of %.1f s per server and client count, %d"
                        + " asked for, after %d warm-up rounds; servers interleaved in every round; %s requests,"
                        + " GraphBinary, one WebSocket connection per client; each server in its own JVM.%n%n",
                options.arguments().isEmpty() ? "(defaults)" : String.join(" ", options.arguments()),
                options.roundLength().toMillis() / 1e3, options.rounds(), options.warmupRounds(),
                options.requests().name().toLowerCase(Locale.ROOT)));
        out.append("Latency is the client-observed round trip of each write (one sessionless request, one"
                + " transaction), over every round. CPU per write is a JVM's CPU time over the round (all its"
                + " threads, JIT and GC included) over the writes, median over rounds: the server's, and the"
                + " driver's with every client, which share the machine's cores.\n\n");
        out.append(table).append('\n');
        out.append(String.format(Locale.ROOT, "One fsync of a 256-byte append on the data directories' disk,"
                        + " alone: p50 %.3f ms, p99 %.3f ms before the warm-up; p50 %.3f ms, p99 %.3f ms after the"
                        + " rounds.%n%n",
                fsyncBefore.percentileMillis(50), fsyncBefore.percentileMillis(99), fsyncAfter.percentileMillis(50),
                fsyncAfter.percentileMillis(99)));
        out.append(ratios());
        out.append("Checks (each server holds exactly what it acknowledged):\n\n");
        for (String check : checks) {
            out.append("- ").append(check).append('\n');
        }
        return out.toString();
    }

    private String ratios() {
        if (!options.servers().contains(ServerKind.NEREID)) {
            return "";
        }
        MarkdownTable table = new MarkdownTable("clients", "(a) / (b), streams on / off", "(a) / (c), Nereid / stock");
        StringBuilder goals = new StringBuilder();
        for (int clients : options.clientCounts()) {
            Optional<double[]> off = roundRatios(clients, ServerKind.NEREID_STREAMS_OFF);
            Optional<double[]> stock = roundRatios(clients, ServerKind.STOCK);
            table.row(Integer.toString(clients), off.map(Summary::cell).orElse(""),
                    stock.map(Summary::cell).orElse(""));
            off.ifPresent(r -> goals.append(goal(clients, "(a) / (b)", r[0], GremlinWriteBench.STREAMS_OFF_GOAL)));
            stock.ifPresent(r -> goals.append(goal(clients, "(a) / (c)", r[0], GremlinWriteBench.STOCK_GOAL)));
        }
        return "Ratios of writes/s: the median of each round's ratio, range in brackets.\n\n" + table + "\n" + goals
                + "\n";
    }

    /** Median, lowest and highest of the rounds' ratios of (a) to {@code baseline}. */
    private Optional<double[]> roundRatios(int clients, ServerKind baseline) {
        List<Round> a = of(ServerKind.NEREID, clients);
        List<Round> b = of(baseline, clients);
        if (b.isEmpty() || a.size() != b.size()) {
            return Optional.empty();
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ratios.add(a.get(i).writesPerSecond() / b.get(i).writesPerSecond());
        }
        ratios.sort(null);
        return Optional.of(new double[] {median(ratios), ratios.get(0), ratios.get(ratios.size() - 1)});
    }

    private static String cell(double[] r) {
        return ratio(r[0]) + " (" + ratio(r[1]) + "-" + ratio(r[2]) + ")";
    }

    // Three decimals: a ratio of 0.897 printed as 0.90 beside "MISSED" would read as a contradiction.
    private static String goal(int clients, String name, double value, double goal) {
        return String.format(Locale.ROOT, "- %d client%s: %s = %.3f (goal >= %s: %s)%n", clients,
                clients == 1 ? "" : "s", name, value, ratio(goal), value >= goal ? "met" : "MISSED");
    }

    private List<Round> of(ServerKind kind, int clients) {
        return rounds.stream().filter(r -> r.server() == kind && r.clients() == clients).toList();
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> by) {
        List<Double> values = new ArrayList<>(rounds.stream().map(by::applyAsDouble).toList());
        values.sort(null);
        return median(values);
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String millis(double value) {
        return value < 10 ? String.format(Locale.ROOT, "%.2f", value) : decimal(value);
    }
}
