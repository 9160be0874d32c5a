package dev.nereid.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PageReader#plan} + {@link PageReader#write} must send exactly the bytes {@link PageReader#read}
 * builds, and fail exactly as it fails: a server streams the one and tests pin the other.
 */
class PageStreamingTest {
    private static final IteratorType[] TYPES = IteratorType.values();

    @Test
    void streamedPagesAreByteIdenticalToBufferedPagesWithTheSameErrors() throws IOException {
        Random random = new Random(42);
        int pages = 0;
        int errors = 0;
        for (int round = 0; round < 60; round++) {
            InMemoryStreamView view = randomView(random);
            long lastCommit = view.last().map(EventId::commitNum).orElse(0L);
            for (int q = 0; q < 40; q++) {
                IteratorType type = TYPES[random.nextInt(TYPES.length)];
                long c = random.nextInt((int) lastCommit + 3);
                long o = random.nextInt(25);
                int limit = 1 + random.nextInt(random.nextBoolean() ? 5 : 300);
                StreamRequest request = new StreamRequest(type, c, o, limit);
                StreamFormat format = StreamFormat.values()[random.nextInt(3)];
                long cap = random.nextBoolean() ? PageReader.DEFAULT_MAX_BODY_BYTES : 200 + random.nextInt(20_000);
                int chunk = 1 + random.nextInt(random.nextBoolean() ? 64 : 8192);

                RenderedPage buffered;
                try {
                    buffered = PageReader.read(view, request, format, cap);
                } catch (NereidException expected) {
                    errors++;
                    assertThatThrownBy(() -> PageReader.plan(view, request, format, cap))
                            .isInstanceOfSatisfying(NereidException.class, e -> {
                                assertThat(e.errorCode()).isEqualTo(expected.errorCode());
                                assertThat(e.detailedMessage()).isEqualTo(expected.detailedMessage());
                            });
                    continue;
                }
                pages++;
                PagePlan plan = PageReader.plan(view, request, format, cap);
                assertThat(plan.totalRecords()).isEqualTo(buffered.totalRecords());
                assertThat(plan.lastEventId()).isEqualTo(buffered.lastEventId());
                assertThat(plan.lastTrxTimestamp()).isEqualTo(buffered.lastTrxTimestamp());
                assertThat(plan.bodyLength()).isEqualTo(buffered.length());

                List<Integer> chunkSizes = new ArrayList<>();
                ByteArrayOutputStream streamed = new ByteArrayOutputStream();
                PageReader.write(view, plan, (bytes, off, len) -> {
                    chunkSizes.add(len);
                    streamed.write(bytes, off, len);
                }, chunk);
                assertThat(streamed.toByteArray()).isEqualTo(
                        Arrays.copyOfRange(buffered.bytes(), buffered.offset(), buffered.offset() + buffered.length()));
                assertThat(chunkSizes).allSatisfy(size -> assertThat(size).isPositive());
            }
            assertThat(view.openCursors()).isZero();
        }
        assertThat(pages).isGreaterThan(1000);
        assertThat(errors).isGreaterThan(100);
    }

    @Test
    void aViewThatLostThePlannedEventsFailsTheWrite() {
        InMemoryStreamView view = new InMemoryStreamView().commit(1000, List.of(
                StreamFixtures.pg(Op.ADD, PgData.vertexLabel("a", "A")),
                StreamFixtures.pg(Op.ADD, PgData.vertexLabel("b", "B"))));
        PagePlan plan = PageReader.plan(view, new StreamRequest(IteratorType.TRIM_HORIZON, -1, 1, 10),
                StreamFormat.PG_JSON);
        assertThat(plan.totalRecords()).isEqualTo(2);
        view.trimThrough(1).deleteTrimmed();
        assertThatThrownBy(() -> PageReader.write(view, plan, (b, o, l) -> { }, 64))
                .isInstanceOf(IOException.class).hasMessage("the stream ended before the planned page did");
    }

    @Test
    void aFailingSinkFailsTheWriteWithItsOwnException() {
        InMemoryStreamView view = StreamFixtures.pgStream();
        PagePlan plan = PageReader.plan(view, new StreamRequest(IteratorType.TRIM_HORIZON, -1, 1, 100),
                StreamFormat.PG_JSON);
        IOException broken = new IOException("connection reset");
        assertThatThrownBy(() -> PageReader.write(view, plan, (b, o, l) -> {
            throw broken;
        }, 64)).isSameAs(broken);
        assertThat(view.openCursors()).isZero();
    }

    /** Commits of 1-12 records, random ops, types, sizes, unicode; sometimes a trimmed prefix. */
    private static InMemoryStreamView randomView(Random random) {
        InMemoryStreamView view = new InMemoryStreamView(1 + random.nextInt(3) * 999_999L);
        int commits = random.nextInt(30);
        long ts = 1_767_225_600_000L;
        for (int c = 0; c < commits; c++) {
            List<byte[]> records = new ArrayList<>();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                Op op = random.nextBoolean() ? Op.ADD : Op.REMOVE;
                String id = "v" + random.nextInt(1000) + (random.nextInt(10) == 0 ? "é\u4e2d" : "");
                PgData data = switch (random.nextInt(4)) {
                    case 0 -> PgData.vertexLabel(id, "L" + random.nextInt(5));
                    case 1 -> PgData.vertexProperty(id, "k", PgValue.of("x".repeat(random.nextInt(400))));
                    case 2 -> PgData.edge(id, "knows", "a", "b");
                    default -> PgData.edgeProperty(id, "w", PgValue.of(random.nextDouble()));
                };
                records.add(StreamFixtures.pg(op, data));
            }
            ts += random.nextInt(3) * 1000L;
            view.commit(ts, records);
        }
        if (commits > 2 && random.nextInt(4) == 0) {
            long through = view.last().orElseThrow().commitNum() - commits + 1 + random.nextInt(commits / 2);
            view.trimThrough(through);
        }
        return view;
    }
}
