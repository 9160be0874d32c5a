package dev.nereid.server.sparql;

import dev.nereid.server.CrashChild;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 under concurrent SPARQL writers (DESIGN §3.5), as {@code GremlinCrashIT} does for Gremlin: each
 * cycle starts the real server in a child JVM on the same data directory, has four HTTP clients post
 * update requests — inserts, DELETE DATA, DELETE WHERE, a DELETE … WHERE over a range of values, two
 * operations in one request, and requests that change nothing — and kills the server at a random moment.
 * The next server is then read over HTTP only: {@code /sparql/stream} from TRIM_HORIZON has dense
 * commitNums, whole commits, and every acknowledged request as exactly one commit under the commitNum its
 * answer gave; {@code /sparql} serves exactly what replaying that stream gives.
 *
 * <p>Each client alone writes its subject {@code w<c>} and its graph {@code g<c>}, so it knows what is
 * stored and thus exactly which quads each of its requests changes, and a commit's subject says whose it is.
 *
 * <p>One file of a little over 500 lines on purpose: the writers, the clients' model, the stream reader and
 * the checks make one argument about durability and are read together, top to bottom.
 */
class SparqlCrashIT {

    private static final int CYCLES = 20;
    private static final int WRITERS = 4;
    private static final Pattern COMMIT = Pattern.compile("\\{\"commitNum\":(\\d+)}");
    private static final String EX = "http://example.org/";
    private static final Pattern WRITER_SUBJECT = Pattern.compile(Pattern.quote(EX) + "w(\\d+)");
    private static final Node DEFAULT_GRAPH =
            NodeFactory.createURI("http://aws.amazon.com/neptune/vocab/v01/DefaultNamedGraph");
    private static final Node N = NodeFactory.createURI(EX + "n");
    private static final Node M = NodeFactory.createURI(EX + "m");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** Statements already parsed: every check reads the whole stream again. */
    private final Map<String, Quad> parsed = new HashMap<>();

    @Test
    void everyAcknowledgedUpdateSurvivesAKillAndTheStreamReplaysToTheStore() throws Exception {
        Path data = temp.resolve("data");
        Random random = new Random(20261123);
        List<Client> clients = new ArrayList<>();
        for (int c = 0; c < WRITERS; c++) {
            clients.add(new Client(c, new Random(random.nextLong())));
        }
        int commits = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            Child child = start(data, cycle);
            try {
                // Cycle 0 sees an empty store; every later one, the store the previous kill left.
                commits = check(child, clients, 10 + random.nextInt(400), cycle);
                write(child, cycle, 150 + random.nextInt(500), clients);
            } finally {
                child.kill();
            }
        }
        Child last = start(data, CYCLES);
        try {
            commits = check(last, clients, 10 + random.nextInt(400), CYCLES);
        } finally {
            last.kill();
        }

        Map<Kind, Integer> acknowledged = new EnumMap<>(Kind.class);
        int landed = 0;
        int lost = 0;
        for (Client client : clients) {
            client.acknowledged.forEach((kind, n) -> acknowledged.merge(kind, n, Integer::sum));
            landed += client.landed;
            lost += client.lost;
        }
        int total = acknowledged.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isGreaterThan(CYCLES * 5);
        // Otherwise the run did not exercise what the class comment promises.
        assertThat(acknowledged.keySet()).as("kinds of request acknowledged").containsExactlyInAnyOrder(Kind.values());
        System.out.printf("SparqlCrashIT: %d updates acknowledged %s over %d kills; %d commits; "
                + "in flight at a kill: %d committed, %d not%n", total, acknowledged, CYCLES, commits, landed, lost);
    }

    // --- writing

    private void write(Child child, int cycle, int millis, List<Client> clients) throws Exception {
        long deadline = System.currentTimeMillis() + millis;
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<Thread> writers = new ArrayList<>();
        for (Client client : clients) {
            Thread writer = new Thread(() -> {
                while (System.currentTimeMillis() < deadline) {
                    Request request = client.next();
                    HttpResponse<String> answer;
                    try {
                        answer = child.update(request.text);
                    } catch (IOException | InterruptedException e) {
                        // Killed with this request unanswered: it may or may not have committed; the stream says.
                        if (request.kind != Kind.NO_OP) {
                            client.inFlight = request;
                        }
                        return;
                    }
                    String problem = client.acknowledge(request, answer);
                    if (problem != null) {
                        problems.add(problem);
                        return;
                    }
                }
            }, "sparql-writer-" + client.id);
            writer.start();
            writers.add(writer);
        }
        Thread.sleep(millis);
        child.kill();
        for (Thread writer : writers) {
            writer.join(30_000);
            // The check reads the clients' state next, so no writer may still be changing it.
            assertThat(writer.isAlive()).as("%s still running", writer.getName()).isFalse();
        }
        assertThat(problems).as("answers the server got wrong in cycle %d", cycle).isEmpty();
    }

    private enum Kind { INSERT, DELETE_DATA, DELETE_AND_INSERT, DELETE_RANGE, DELETE_WHERE, NO_OP }

    /** One update request and its net change, as the values whose two quads it removes and adds. */
    private static final class Request {
        final Kind kind;
        final String text;
        final Set<Integer> removes;
        final Set<Integer> adds;
        /** From the answer; for a request the kill left unanswered, from the stream. 0 while unknown. */
        long commitNum;

        Request(Kind kind, String text, Set<Integer> removes, Set<Integer> adds) {
            this.kind = kind;
            this.text = text;
            this.removes = removes;
            this.adds = adds;
        }

        @Override
        public String toString() {
            return "[" + text + "] (commitNum " + commitNum + ")";
        }
    }

    /**
     * One writer and what it knows: the values it has stored (value {@code v} is the two quads
     * {@code <w> <n> v} in the default graph and {@code <w> <m> v} in {@code <g>}), and every request of
     * its that took a commitNum, in the order sent — the order its commits must have in the stream.
     */
    private static final class Client {
        final int id;
        final Random random;
        final Node subject;
        final Node graph;
        final String w;
        final String g;
        final TreeSet<Integer> stored = new TreeSet<>();
        final List<Request> committed = new ArrayList<>();
        final Map<Kind, Integer> acknowledged = new EnumMap<>(Kind.class);
        /** Sent when the server was killed, so unanswered; set by its writer thread, settled by the next check. */
        Request inFlight;
        int nextValue;
        int landed;
        int lost;

        Client(int id, Random random) {
            this.id = id;
            this.random = random;
            this.subject = NodeFactory.createURI(EX + "w" + id);
            this.graph = NodeFactory.createURI(EX + "g" + id);
            this.w = "<" + subject.getURI() + ">";
            this.g = "<" + graph.getURI() + ">";
        }

        /** A request that changes something, except NO_OP; which quads it changes follows from {@link #stored}. */
        Request next() {
            int roll = random.nextInt(100);
            if (stored.isEmpty() || roll < 50) {
                int v = nextValue++;
                return new Request(Kind.INSERT, "INSERT DATA { " + both(v) + " }", Set.of(), Set.of(v));
            }
            int j = pick();
            if (roll < 65) {
                return new Request(Kind.DELETE_DATA, "DELETE DATA { " + both(j) + " }", Set.of(j), Set.of());
            }
            if (roll < 78) {
                // Two operations, one transaction: a commit with removals and additions.
                int v = nextValue++;
                return new Request(Kind.DELETE_AND_INSERT, "DELETE DATA { " + both(j) + " } ;\nINSERT DATA { "
                        + both(v) + " }", Set.of(j), Set.of(v));
            }
            String pattern = w + " <" + N.getURI() + "> ?v . GRAPH " + g + " { " + w + " <" + M.getURI() + "> ?v }";
            if (roll < 90) {
                return new Request(Kind.DELETE_RANGE, "DELETE { " + pattern + " } WHERE { " + pattern
                        + " FILTER (?v <= " + j + ") }", new TreeSet<>(stored.headSet(j, true)), Set.of());
            }
            if (roll < 95) {
                return new Request(Kind.DELETE_WHERE, "DELETE WHERE { " + pattern + " }", new TreeSet<>(stored),
                        Set.of());
            }
            // Removes and puts back a stored value: the net change is empty, so the answer is {} and no commitNum.
            return new Request(Kind.NO_OP, "DELETE DATA { " + both(j) + " } ;\nINSERT DATA { " + both(j) + " }",
                    Set.of(), Set.of());
        }

        private int pick() {
            int skip = random.nextInt(stored.size());
            for (int v : stored) {
                if (skip-- == 0) {
                    return v;
                }
            }
            throw new AssertionError("unreachable");
        }

        private String both(int v) {
            return w + " <" + N.getURI() + "> " + v + " . GRAPH " + g + " { " + w + " <" + M.getURI() + "> " + v + " }";
        }

        /** @return what was wrong with the answer, or null */
        String acknowledge(Request request, HttpResponse<String> answer) {
            if (answer.statusCode() != 200) {
                return request + " -> " + answer.statusCode() + " " + answer.body();
            }
            if (request.kind == Kind.NO_OP) {
                if (!answer.body().equals("{}")) {
                    return request + " changes nothing but was answered " + answer.body();
                }
            } else {
                Matcher m = COMMIT.matcher(answer.body());
                if (!m.matches()) {
                    return request + " -> " + answer.body();
                }
                request.commitNum = Long.parseLong(m.group(1));
                committed.add(request);
                apply(request);
            }
            acknowledged.merge(request.kind, 1, Integer::sum);
            return null;
        }

        void apply(Request request) {
            stored.removeAll(request.removes);
            stored.addAll(request.adds);
        }

        List<Quad> quads(Collection<Integer> values) {
            List<Quad> quads = new ArrayList<>();
            for (int v : values) {
                Node value = NodeFactory.createLiteralDT(Integer.toString(v), XSDDatatype.XSDinteger);
                quads.add(Quad.create(DEFAULT_GRAPH, subject, N, value));
                quads.add(Quad.create(graph, subject, M, value));
            }
            return quads;
        }
    }

    // --- checking, over HTTP, the server started on the data a kill left

    /**
     * Matches the stream's commits to the clients' requests, settles each request the kill left unanswered
     * (committed or not), and compares the store with the stream's replay and with what the clients wrote.
     *
     * @return the number of commits in the stream
     */
    private int check(Child child, List<Client> clients, int limit, int cycle) throws Exception {
        List<Commit> commits = readStream(child, limit);
        int[] matched = new int[clients.size()];
        Set<Quad> replayed = new HashSet<>();
        for (Commit commit : commits) {
            Matcher owner = WRITER_SUBJECT.matcher(commit.records.get(0).quad.getSubject().toString());
            assertThat(owner.matches()).as("commit %d: %s", commit.commitNum, commit.records).isTrue();
            Client client = clients.get(Integer.parseInt(owner.group(1)));
            Request request;
            if (matched[client.id] < client.committed.size()) {
                request = client.committed.get(matched[client.id]);
                assertThat(commit.commitNum).as("commit of %s", request).isEqualTo(request.commitNum);
            } else {
                // Past every request the client had answered: only the one in flight at the kill can be here.
                assertThat(client.inFlight).as("commit %d %s: client %d sent nothing more", commit.commitNum,
                        commit.records, client.id).isNotNull();
                request = client.inFlight;
                request.commitNum = commit.commitNum;
                client.inFlight = null;
                client.committed.add(request);
                client.apply(request);
                client.landed++;
            }
            matched[client.id]++;
            // Exactly the request's net change: nothing missing (no partial commit), nothing else in it.
            assertThat(commit.quads("REMOVE")).as("removed by commit %d, %s", commit.commitNum, request)
                    .containsExactlyInAnyOrderElementsOf(client.quads(request.removes));
            assertThat(commit.quads("ADD")).as("added by commit %d, %s", commit.commitNum, request)
                    .containsExactlyInAnyOrderElementsOf(client.quads(request.adds));
            // Replayed as sets: a net change only removes stored quads and only adds missing ones.
            for (Record record : commit.records) {
                boolean changed = record.op.equals("ADD") ? replayed.add(record.quad) : replayed.remove(record.quad);
                assertThat(changed).as("commit %d:%d %s %s changes nothing", commit.commitNum, record.opNum,
                        record.op, record.quad).isTrue();
            }
        }
        List<Quad> expected = new ArrayList<>();
        for (Client client : clients) {
            assertThat(client.committed.subList(matched[client.id], client.committed.size()))
                    .as("client %d: acknowledged but not in the stream after cycle %d", client.id, cycle - 1).isEmpty();
            if (client.inFlight != null) {
                client.inFlight = null;
                client.lost++;
            }
            expected.addAll(client.quads(client.stored));
        }
        assertThat(replayed).as("the stream replayed").containsExactlyInAnyOrderElementsOf(expected);

        List<Quad> served = new ArrayList<>();
        for (QuerySolution row : select(child, "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")) {
            served.add(Quad.create(row.get("g").asNode(), row.get("s").asNode(), row.get("p").asNode(),
                    row.get("o").asNode()));
        }
        assertThat(served).as("/sparql after restart %d", cycle).containsExactlyInAnyOrderElementsOf(replayed);
        // Also through Neptune's default graph, the union of all graphs, as a client reads its own data.
        for (Client client : clients) {
            List<Integer> values = new ArrayList<>();
            for (QuerySolution row : select(child, "SELECT ?v WHERE { " + client.w + " <" + N.getURI() + "> ?v . "
                    + "GRAPH " + client.g + " { " + client.w + " <" + M.getURI() + "> ?v } }")) {
                values.add(row.getLiteral("v").getInt());
            }
            assertThat(values).as("client %d's values after restart %d", client.id, cycle)
                    .containsExactlyInAnyOrderElementsOf(client.stored);
        }
        return commits.size();
    }

    private record Record(long opNum, String op, Quad quad) {
    }

    private record Commit(long commitNum, long timestamp, List<Record> records) {
        List<Quad> quads(String op) {
            return records.stream().filter(r -> r.op.equals(op)).map(Record::quad).toList();
        }
    }

    /**
     * Reads the whole stream from TRIM_HORIZON, {@code limit} records a page, each page after the last
     * eventId of the one before, until the 404 that names the last event read. Checks what does not depend
     * on the requests: dense commitNums from 1, opNums from 1, one timestamp per commit and never going back,
     * removals before additions (spec §6.2), isLastOp on each commit's last record only, none left open.
     */
    private List<Commit> readStream(Child child, int limit) throws Exception {
        List<Commit> commits = new ArrayList<>();
        Commit open = null;
        long lastCommitNum = 0;
        long lastOpNum = 0;
        long lastTimestamp = Long.MIN_VALUE;
        String from = "iteratorType=TRIM_HORIZON";
        while (true) {
            HttpResponse<String> r = child.get("/sparql/stream?" + from + "&limit=" + limit);
            if (r.statusCode() == 404) {
                JsonNode error = JSON.readTree(r.body());
                assertThat(error.get("code").asText()).as(r.body()).isEqualTo("StreamRecordsNotFoundException");
                assertThat(error.get("detailedMessage").asText()).isEqualTo("Requested startEventId is from the future"
                        + (lastCommitNum == 0 ? ""
                        : ". Last valid eventId is [commitNum = " + lastCommitNum + ", opNum = " + lastOpNum + "]"));
                break;
            }
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(r.body());
            assertThat(page.get("format").asText()).isEqualTo("NQUADS");
            JsonNode records = page.get("records");
            assertThat(records.size()).as("records of a page from %s", from).isBetween(1, limit);
            assertThat(page.get("totalRecords").asInt()).isEqualTo(records.size());
            for (JsonNode record : records) {
                long commitNum = record.get("eventId").get("commitNum").asLong();
                long opNum = record.get("eventId").get("opNum").asLong();
                long timestamp = record.get("commitTimestamp").asLong();
                String op = record.get("op").asText();
                if (open == null) {
                    assertThat(commitNum).as("the commit after %d", lastCommitNum).isEqualTo(commits.size() + 1);
                    assertThat(timestamp).as("timestamp of commit %d", commitNum).isGreaterThanOrEqualTo(lastTimestamp);
                    open = new Commit(commitNum, timestamp, new ArrayList<>());
                } else {
                    assertThat(commitNum).as("commit %d ended without isLastOp", open.commitNum)
                            .isEqualTo(open.commitNum);
                    assertThat(timestamp).as("timestamp of %d:%d", commitNum, opNum).isEqualTo(open.timestamp);
                    if (op.equals("REMOVE")) {
                        assertThat(open.records.get(open.records.size() - 1).op)
                                .as("%d:%d: removals come first", commitNum, opNum).isEqualTo("REMOVE");
                    }
                }
                assertThat(opNum).as("opNum in commit %d", commitNum).isEqualTo(open.records.size() + 1);
                assertThat(op).isIn("ADD", "REMOVE");
                open.records.add(new Record(opNum, op, quad(record.get("data").get("stmt").asText())));
                lastCommitNum = commitNum;
                lastOpNum = opNum;
                if (record.has("isLastOp")) {
                    assertThat(record.get("isLastOp").asBoolean()).isTrue();
                    commits.add(open);
                    lastTimestamp = open.timestamp;
                    open = null;
                }
            }
            assertThat(page.get("lastEventId").toString())
                    .isEqualTo("{\"commitNum\":" + lastCommitNum + ",\"opNum\":" + lastOpNum + "}");
            from = "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=" + lastCommitNum + "&opNum=" + lastOpNum;
        }
        assertThat(open).as("a partial commit at the end of the stream").isNull();
        return commits;
    }

    /** A record's statement as a quad, read by Jena's N-Quads parser; without a graph, it is DefaultNamedGraph's. */
    private Quad quad(String stmt) {
        return parsed.computeIfAbsent(stmt, s -> {
            // Spec §6.1: DefaultNamedGraph's quads are written without their graph, never with its IRI.
            assertThat(s).as("a statement").endsWith(" .\n").doesNotContain(DEFAULT_GRAPH.getURI());
            List<Quad> quads = new ArrayList<>();
            RDFParser.fromString(s, Lang.NQUADS).parse(new StreamRDFBase() {
                @Override
                public void triple(Triple triple) {
                    quads.add(Quad.create(DEFAULT_GRAPH, triple));
                }

                @Override
                public void quad(Quad quad) {
                    quads.add(quad.isTriple() || quad.isDefaultGraph() ? Quad.create(DEFAULT_GRAPH, quad.asTriple()) : quad);
                }
            });
            assertThat(quads).as(s).hasSize(1);
            return quads.get(0);
        });
    }

    private static List<QuerySolution> select(Child child, String query) throws Exception {
        HttpResponse<String> r = child.get("/sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        ResultSet results = ResultSetMgr.read(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON);
        List<QuerySolution> rows = new ArrayList<>();
        results.forEachRemaining(rows::add);
        return rows;
    }

    // --- the child JVM, as in GremlinCrashIT

    private Child start(Path data, int cycle) throws Exception {
        return new Child(CrashChild.start(data, temp, cycle));
    }

    /** The SPARQL requests the test sends to one child server. */
    private record Child(CrashChild server) {
        String base() {
            return server.base();
        }

        HttpResponse<String> update(String text) throws IOException, InterruptedException {
            return server.http().send(HttpRequest.newBuilder(URI.create(base() + "/sparql"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "update=" + URLEncoder.encode(text, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
            return server.http().send(HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept", "application/sparql-results+json")
                            .GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        void kill() throws InterruptedException {
            server.kill();
        }
    }
}
