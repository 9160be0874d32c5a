package dev.nereid.bench.sparql;

import static dev.nereid.bench.MarkdownTable.decimal;
import static dev.nereid.bench.MarkdownTable.rate;
import static dev.nereid.bench.MarkdownTable.ratio;

import dev.nereid.bench.Latencies;
import dev.nereid.bench.Machine;
import dev.nereid.bench.MarkdownTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The run as docs/performance.md quotes it: per server and client count, the median updates/s over the
 * rounds and the latency percentiles over all of them; the ratios on/off and Nereid/Fuseki as the median
 * of the rounds' own ratios (the servers of one round ran back to back and shared the machine's state of
 * the moment), against their goals; the bulk update; the checks.
 */
record Report(SparqlWriteBench.Options options, Machine machine, List<Round> rounds, List<BulkInsert.Run> bulk,
              List<String> checks) {

    String render() {
        StringBuilder out = new StringBuilder("# SPARQL INSERT DATA: Nereid against Fuseki\n\n");
        out.append("Machine: ").append(machine).append("\n\n");
        out.append(String.format(Locale.ROOT, "Arguments: %s. Each server in a JVM of its own (%s). Rounds of %.1f s"
                        + " per server and client count, %d asked for, after %d warm-up rounds; servers interleaved in"
                        + " every round; java.net.http, HTTP/1.1, one keep-alive connection per client.%n%n",
                options.arguments().isEmpty() ? "(defaults)" : String.join(" ", options.arguments()),
                String.join(" ", options.jvmOptions()), options.roundLength().toMillis() / 1e3, options.rounds(),
                options.warmupRounds()));
        out.append("Every update is one `INSERT DATA` of two triples about a new subject, sent as"
                + " `application/sparql-update`: one request, one transaction. Latency is the client-observed round"
                + " trip of acknowledged updates, over every round. Server CPU per update is the server JVM's CPU"
                + " time over the round (all its threads, JIT and GC included) over its updates, median over rounds."
                + " Failed: updates not acknowledged (Nereid: 200 and a commitNum; Fuseki: 204).\n\n");
        if (!rounds.isEmpty()) {
            out.append(rates()).append('\n');
            out.append(ratios());
        }
        if (!bulk.isEmpty()) {
            out.append(bulkSection());
        }
        out.append("Checks:\n\n");
        for (String check : checks) {
            out.append("- ").append(check).append('\n');
        }
        return out.toString();
    }

    private MarkdownTable rates() {
        MarkdownTable table = new MarkdownTable("server", "clients", "rounds", "updates/s (median)", "range", "p50 ms",
                "p99 ms", "server CPU µs/update", "failed");
        for (int clients : options.clientCounts()) {
            for (SparqlServer server : options.servers()) {
                List<Round> of = of(server, clients);
                if (of.isEmpty()) {
                    continue;
                }
                List<Double> rates = sorted(of, Round::updatesPerSecond);
                Latencies latencies = new Latencies();
                of.forEach(r -> latencies.addAll(r.latencies()));
                boolean timed = latencies.size() > 0;
                table.row(server.label(), Integer.toString(clients), Integer.toString(of.size()), rate(median(rates)),
                        rate(rates.get(0)) + "-" + rate(rates.get(rates.size() - 1)),
                        timed ? millis(latencies.percentileMillis(50)) : "-",
                        timed ? millis(latencies.percentileMillis(99)) : "-",
                        rate(median(sorted(of, Round::cpuMicrosPerUpdate))),
                        rate(of.stream().mapToLong(Round::failures).sum()));
            }
        }
        return table;
    }

    /** The goals' ratios per client count, where the run had both servers of a ratio. */
    private String ratios() {
        boolean onOff = has(SparqlServer.NEREID) && has(SparqlServer.NEREID_STREAMS_OFF);
        boolean fuseki = has(SparqlServer.NEREID) && has(SparqlServer.FUSEKI);
        if (!onOff && !fuseki) {
            return "";
        }
        MarkdownTable table = new MarkdownTable("clients", "(a) / (b), streams on / off", "(a) / (c), Nereid / Fuseki");
        StringBuilder goals = new StringBuilder();
        for (int clients : options.clientCounts()) {
            List<Double> a = onOff ? roundRatios(SparqlServer.NEREID, SparqlServer.NEREID_STREAMS_OFF, clients) : List.of();
            List<Double> c = fuseki ? roundRatios(SparqlServer.NEREID, SparqlServer.FUSEKI, clients) : List.of();
            table.row(Integer.toString(clients), cell(a), cell(c));
            if (!a.isEmpty()) {
                goals.append(goal("streams on / off", clients, median(a), SparqlWriteBench.STREAMS_OFF_GOAL));
            }
            if (!c.isEmpty()) {
                goals.append(goal("Nereid / Fuseki", clients, median(c), SparqlWriteBench.FUSEKI_GOAL));
            }
        }
        return "Ratios of updates/s: the median of each round's ratio, range in brackets.\n\n" + table + "\n"
                + "Goals:\n\n" + goals + "\n";
    }

    private String bulkSection() {
        MarkdownTable table = new MarkdownTable("run", "server", "triples", "body MB", "seconds", "triples/s",
                "server CPU s", "server peak RSS", "counted after");
        for (int i = 0; i < bulk.size(); i++) {
            BulkInsert.Run run = bulk.get(i);
            table.row(Integer.toString(1 + i / BulkInsert.SERVERS.size()), run.server().label(), rate(run.triples()),
                    decimal(run.bodyBytes() / 1e6),
                    String.format(Locale.ROOT, "%.2f", run.seconds()), rate(run.triples() / run.seconds()),
                    run.cpuNanos() < 0 ? "-" : decimal(run.cpuNanos() / 1e9), BulkInsert.megabytes(run.peakRssBytes()),
                    rate(run.counted()));
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "One update inserting %,d triples"
                        + " (`INSERT DATA`, one PREFIX, ten triples per subject, one per line), on a server in a fresh"
                        + " JVM (%s); the same bytes to each, the servers taking turns. Seconds: from sending the"
                        + " request until the answer."
                        + " Peak RSS: the server JVM's whole life (`VmHWM`).%n%n", options.bulkTriples(),
                String.join(" ", options.bulkJvmOptions())));
        out.append(table).append('\n');
        List<Double> ratios = bulkRatios();
        if (!ratios.isEmpty()) {
            ratios.sort(null);
            out.append(String.format(Locale.ROOT, "Nereid / Fuseki, triples/s (Fuseki's seconds over Nereid's, median"
                            + " of the runs' ratios, range in brackets): %s; against the goal of %.1f: %s.%n%n",
                    cell(ratios), SparqlWriteBench.FUSEKI_GOAL,
                    median(ratios) >= SparqlWriteBench.FUSEKI_GOAL ? "met" : "missed"));
        }
        return out.toString();
    }

    /** Per bulk run, Fuseki's time over Nereid's: runs alternate the two servers, one pair per run. */
    private List<Double> bulkRatios() {
        List<BulkInsert.Run> nereid = bulk.stream().filter(r -> r.server() == SparqlServer.NEREID).toList();
        List<BulkInsert.Run> fuseki = bulk.stream().filter(r -> r.server() == SparqlServer.FUSEKI).toList();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < Math.min(nereid.size(), fuseki.size()); i++) {
            ratios.add(fuseki.get(i).seconds() / nereid.get(i).seconds());
        }
        return ratios;
    }

    private static String goal(String what, int clients, double value, double goal) {
        return String.format(Locale.ROOT, "- %s ≥ %.1f with %d client%s: %s (%s)%n", what, goal, clients,
                clients == 1 ? "" : "s", value >= goal ? "met" : "missed", ratio(value));
    }

    /** Each round's ratio of {@code a} over {@code b} at one client count, sorted. */
    private List<Double> roundRatios(SparqlServer a, SparqlServer b, int clients) {
        List<Round> as = of(a, clients);
        List<Round> bs = of(b, clients);
        List<Double> ratios = new ArrayList<>();
        if (as.size() != bs.size()) {
            return ratios;
        }
        for (int i = 0; i < as.size(); i++) {
            ratios.add(as.get(i).updatesPerSecond() / bs.get(i).updatesPerSecond());
        }
        ratios.sort(null);
        return ratios;
    }

    private static String cell(List<Double> sortedRatios) {
        if (sortedRatios.isEmpty()) {
            return "-";
        }
        return ratio(median(sortedRatios)) + " (" + ratio(sortedRatios.get(0)) + "-"
                + ratio(sortedRatios.get(sortedRatios.size() - 1)) + ")";
    }

    private boolean has(SparqlServer server) {
        return options.servers().contains(server);
    }

    private List<Round> of(SparqlServer server, int clients) {
        return rounds.stream().filter(r -> r.server() == server && r.clients() == clients).toList();
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
