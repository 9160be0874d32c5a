package dev.nereid.graph;

import dev.nereid.graph.gremlin.GremlinErrors;
import dev.nereid.graph.gremlin.NeptuneScriptEngine;
import dev.nereid.log.ChangeLog;
import dev.nereid.log.CommitInfo;
import dev.nereid.log.LogConfig;
import dev.nereid.log.LogCursor;
import dev.nereid.log.MemoryChangeLog;
import dev.nereid.log.MutableClock;
import dev.nereid.stream.Op;
import dev.nereid.stream.PgData;
import dev.nereid.stream.PgType;
import dev.nereid.stream.RecordCodec;
import org.apache.tinkerpop.gremlin.process.traversal.Traversal;
import org.apache.tinkerpop.gremlin.process.traversal.dsl.graph.GraphTraversalSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A graph over an in-memory log with an injected clock, for tests that run Gremlin scripts as one
 * transaction each and read back the exact records, in spec §5.5's line format.
 */
public final class GraphFixture implements AutoCloseable {
    public static final long T0 = 1767225600000L;

    public final MutableClock clock = new MutableClock(T0);
    public final ChangeLog log;
    public final NereidGraph graph;
    public final GraphTraversalSource g;

    public GraphFixture() {
        this(new MemoryChangeLog(LogConfig.defaults().withClock(new MutableClock(T0))));
    }

    public GraphFixture(ChangeLog log) {
        this(log, null);
    }

    public GraphFixture(ChangeLog log, java.nio.file.Path snapshots) {
        try {
            this.log = log;
            this.graph = NereidGraph.open(log, snapshots);
            this.g = graph.traversal();
            this.openCypher = new dev.nereid.graph.cypher.OpenCypher(graph, clock::millis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a script as one transaction; the new commit, or empty if nothing changed. */
    public Optional<CommitInfo> run(String script) {
        long before = lastCommitNum();
        try {
            Object last = NeptuneScriptEngine.evaluate(g, script);
            if (last instanceof Traversal<?, ?> t) {
                t.iterate();
            }
            graph.tx().commit();
        } catch (RuntimeException e) {
            graph.tx().rollback();
            throw GremlinErrors.from(e);
        }
        return log.lastCommit().filter(c -> c.commitNum() > before);
    }

    /** Runs an openCypher statement as one transaction; the new commit, or empty if nothing changed. */
    /** One engine for all of a test's statements, as the server has: statements seen before are reused. */
    private final dev.nereid.graph.cypher.OpenCypher openCypher;

    public Optional<CommitInfo> cypher(String query) {
        return cypher(query, java.util.Map.of());
    }

    public Optional<CommitInfo> cypher(String query, java.util.Map<String, ?> parameters) {
        long before = lastCommitNum();
        cypherRows(query, parameters);
        return log.lastCommit().filter(c -> c.commitNum() > before);
    }

    public java.util.List<java.util.Map<String, Object>> cypherRows(String query, java.util.Map<String, ?> parameters) {
        return openCypher.execute(query, parameters);
    }

    public long lastCommitNum() {
        return log.lastCommit().map(CommitInfo::commitNum).orElse(0L);
    }

    /** The records of one commit in spec §5.5's notation: {@code opNum OP type id key value [dataType] [from→to]}. */
    public List<String> lines(long commitNum) {
        List<String> out = new ArrayList<>();
        try (LogCursor c = log.cursor(commitNum, 1)) {
            while (c.next() && c.commitNum() == commitNum) {
                out.add(line(c.opNum(), c.record(), c.opNum() == c.recordCount()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public static String line(int opNum, ByteBuffer record, boolean last) {
        Op op = RecordCodec.op(record);
        PgData d = RecordCodec.pgData(record);
        StringBuilder s = new StringBuilder().append(opNum).append(' ').append(op).append(' ')
                .append(d.type().wireName()).append(' ').append(d.id()).append(' ').append(d.key()).append(' ');
        Object v = d.value().toJava();
        if (d.type().isLabel()) {
            s.append(v);
        } else {
            s.append(v instanceof String ? "\"" + v + "\"" : d.value() instanceof dev.nereid.stream.PgValue.DateValue dv ? dv.toJava() instanceof java.util.Date date ? Long.toString(date.getTime()) : v : v);
            if (!"String".equals(d.value().dataType())) {
                s.append(' ').append(d.value().dataType());
            }
        }
        if (d.type() == PgType.EDGE) {
            s.append(' ').append(d.from()).append('→').append(d.to());
        }
        if (last) {
            s.append(" *");
        }
        return s.toString();
    }

    @Override
    public void close() throws IOException {
        graph.close();
        log.close();
    }
}
