package dev.nereid.server;

import static dev.nereid.server.TestServer.append;
import static dev.nereid.stream.Op.ADD;
import static dev.nereid.stream.Op.REMOVE;

import dev.nereid.log.ChangeLog;
import dev.nereid.log.MutableClock;
import java.time.Duration;

/**
 * The worked examples of spec §5.5 (property graph) and §6.3 (RDF), appended as the engines will
 * append them, one commit a minute from {@link TestServer#T0}.
 */
public final class SpecExamples {
    static final long RDF_T0 = 1767229200000L;

    private SpecExamples() {
    }

    static String vpInt(String id, String key, long v, String type) {
        return "{\"id\":\"" + id + "\",\"type\":\"vp\",\"key\":\"" + key + "\",\"value\":{\"value\":" + v
                + ",\"dataType\":\"" + type + "\"}}";
    }

    static String e(String id, String label, String from, String to) {
        return "{\"id\":\"" + id + "\",\"type\":\"e\",\"key\":\"label\",\"value\":{\"value\":\"" + label
                + "\",\"dataType\":\"String\"},\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
    }

    static String ep(String id, String key, String jsonValue, String type) {
        return "{\"id\":\"" + id + "\",\"type\":\"ep\",\"key\":\"" + key + "\",\"value\":{\"value\":" + jsonValue
                + ",\"dataType\":\"" + type + "\"}}";
    }

    /** Appends the six commits of §5.5; the clock must stand at {@link TestServer#T0}. */
    public static void propertyGraph(ChangeLog log, MutableClock clock) {
        append(log,
                ADD, TestServer.vl("v1", "person"), ADD, TestServer.vl("v1", "employee"),
                ADD, TestServer.vl("v2", "person"), ADD, TestServer.vp("v1", "name", "marko"),
                ADD, vpInt("v1", "age", 29, "Int"), ADD, TestServer.vp("v2", "name", "vadas"),
                ADD, e("e1", "knows", "v1", "v2"), ADD, ep("e1", "weight", "0.5", "Double"));
        clock.advance(Duration.ofMinutes(1).toMillis());
        append(log,
                REMOVE, vpInt("v1", "age", 29, "Int"), ADD, vpInt("v1", "age", 30, "Int"),
                ADD, TestServer.vp("v1", "lang", "en"), ADD, TestServer.vp("v1", "lang", "fr"));
        clock.advance(Duration.ofMinutes(1).toMillis());
        append(log,
                REMOVE, ep("e1", "weight", "0.5", "Double"), REMOVE, e("e1", "knows", "v1", "v2"),
                REMOVE, TestServer.vp("v1", "name", "marko"), REMOVE, vpInt("v1", "age", 30, "Int"),
                REMOVE, TestServer.vp("v1", "lang", "en"), REMOVE, TestServer.vp("v1", "lang", "fr"),
                REMOVE, TestServer.vl("v1", "person"), REMOVE, TestServer.vl("v1", "employee"));
        clock.advance(Duration.ofMinutes(1).toMillis());
        append(log,
                ADD, TestServer.vl("p1", "Person"), ADD, TestServer.vl("p1", "Admin"),
                ADD, TestServer.vl("p2", "Person"), ADD, TestServer.vp("p1", "name", "ann"),
                ADD, vpInt("p1", "age", 40, "Long"), ADD, TestServer.vp("p2", "name", "bob"),
                ADD, e("r1", "MANAGES", "p1", "p2"), ADD, ep("r1", "since", "2020", "Long"));
        clock.advance(Duration.ofMinutes(1).toMillis());
        append(log,
                REMOVE, vpInt("p1", "age", 40, "Long"), REMOVE, TestServer.vl("p1", "Admin"),
                ADD, TestServer.vl("p1", "Manager"), ADD, vpInt("p1", "age", 41, "Long"));
        clock.advance(Duration.ofMinutes(1).toMillis());
        append(log,
                REMOVE, ep("r1", "since", "2020", "Long"), REMOVE, e("r1", "MANAGES", "p1", "p2"),
                REMOVE, TestServer.vp("p1", "name", "ann"), REMOVE, vpInt("p1", "age", 41, "Long"),
                REMOVE, TestServer.vl("p1", "Person"), REMOVE, TestServer.vl("p1", "Manager"));
    }

    /** Appends the first commit of §6.3 at {@link #RDF_T0}; the clock is moved there. */
    public static void rdfFirstCommit(ChangeLog log, MutableClock clock) {
        clock.set(RDF_T0);
        append(log,
                ADD, TestServer.stmt("<http://example.org/s> <http://example.org/p> \"a\" .\n"),
                ADD, TestServer.stmt("<http://example.org/s> <http://example.org/label> \"chat\"@fr .\n"),
                ADD, TestServer.stmt("<http://example.org/s> <http://example.org/n> "
                        + "\"5\"^^<http://www.w3.org/2001/XMLSchema#int> <http://example.org/g> .\n"));
    }
}
