package dev.nereid.server;

import static dev.nereid.server.StreamReadIT.assertError;
import static dev.nereid.server.StreamReadIT.eventIds;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nereid.stream.Op;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expiry is evaluated at read time (spec §3.2, §3.3, §7). */
class StreamExpiryIT {
    static final String EXPIRED = "All of the requested records exceed the maximum age allowed and have expired.";

    @Test
    void expiredPositionsAreRefusedExceptAfterTheLastTrimmedEvent(@TempDir Path dir) {
        try (TestServer s = TestServer.start(dir)) {
            TestServer.append(s.pg(), Op.ADD, TestServer.vl("a", "A"), Op.ADD, TestServer.vl("b", "B"));
            s.clock.advance(Duration.ofDays(1).toMillis());
            TestServer.append(s.pg(), Op.ADD, TestServer.vl("c", "C"), Op.ADD, TestServer.vl("d", "D"));
            // Commit 1 is 8 days old, commit 2 exactly 7: only a commit older than the expiry expires.
            s.clock.advance(Duration.ofDays(7).toMillis());

            assertError(s.get("/pg/stream?commitNum=1"), 400, "ExpiredStreamException", EXPIRED);
            assertError(s.get("/pg/stream?commitNum=1&opNum=2"), 400, "ExpiredStreamException", EXPIRED);
            assertError(s.get("/pg/stream?commitNum=0&opNum=0"), 400, "ExpiredStreamException", EXPIRED);
            assertError(s.get("/pg/stream?iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=1&opNum=1"), 400,
                    "ExpiredStreamException", EXPIRED);
            assertThat(eventIds(ok(s, "iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=1&opNum=2"))).containsExactly("2:1", "2:2");
            assertThat(eventIds(ok(s, "commitNum=1&opNum=3"))).containsExactly("2:1", "2:2");
            assertThat(eventIds(ok(s, "iteratorType=TRIM_HORIZON"))).containsExactly("2:1", "2:2");
            assertThat(eventIds(ok(s, "iteratorType=LATEST"))).containsExactly("2:2");

            // One more millisecond and everything is trimmed: nothing is readable.
            s.clock.advance(1);
            String future = "Requested startEventId is from the future";
            assertError(s.get("/pg/stream?iteratorType=TRIM_HORIZON"), 404, "StreamRecordsNotFoundException", future);
            assertError(s.get("/pg/stream?iteratorType=LATEST"), 404, "StreamRecordsNotFoundException", future);
            assertError(s.get("/pg/stream?iteratorType=AFTER_SEQUENCE_NUMBER&commitNum=2&opNum=2"), 404,
                    "StreamRecordsNotFoundException", future);
            assertError(s.get("/pg/stream?commitNum=2&opNum=2"), 400, "ExpiredStreamException", EXPIRED);

            // A new commit continues the numbering and is the new horizon.
            TestServer.append(s.pg(), Op.ADD, TestServer.vl("e", "E"));
            assertThat(eventIds(ok(s, "iteratorType=TRIM_HORIZON"))).containsExactly("3:1");
            assertError(s.get("/pg/stream?commitNum=2"), 400, "ExpiredStreamException", EXPIRED);
        }
    }

    @Test
    void aSecondsScaleExpiryOnTheRealClock(@TempDir Path dir) throws InterruptedException {
        try (TestServer s = TestServer.start(dir, c -> c.withClock(Clock.systemUTC())
                .withStreamsExpiry(ServerConfig.expirySeconds(1)))) {
            TestServer.append(s.pg(), Op.ADD, TestServer.vl("a", "A"));
            assertThat(eventIds(ok(s, "commitNum=1"))).containsExactly("1:1");
            Thread.sleep(1_100);
            TestServer.append(s.pg(), Op.ADD, TestServer.vl("b", "B"));
            assertError(s.get("/pg/stream?commitNum=1"), 400, "ExpiredStreamException", EXPIRED);
            assertThat(eventIds(ok(s, "iteratorType=TRIM_HORIZON"))).containsExactly("2:1");
        }
    }

    private static JsonNode ok(TestServer s, String query) {
        HttpResponse<String> r = s.get("/pg/stream?" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestServer.json(r);
    }
}
